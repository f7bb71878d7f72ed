"""Reconciliation into launch events: grouping, consensus, flags, revisions, latency,
on the invented launches of tests/eventcases.py."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from eventcases import (
    AFTER_MIDNIGHT,
    ALL_AUTHORITIES,
    DISAGREEING,
    FIXTURES,
    MIDNIGHT,
    SALVO,
    SINPO,
    TWO_IN_A_DAY,
    Fixture,
    event_of,
    members,
    rid,
)
from launchfeed.output.events import (
    EventMember,
    assign_ids,
    event_id,
    group_statements,
    local_span,
    place,
    reconcile,
)

from launchfeed.contracts import Claim, Statement

# -- placing ----------------------------------------------------------------------------------------


def test_local_span_runs_from_first_to_last_time_across_midnight_and_covers_an_hour_only_time():
    assert local_span(["07:44", "08:21"]) == timedelta(minutes=37)
    assert local_span(["23:54", "00:10"]) == timedelta(minutes=16)
    assert local_span(["07", "08"]) == timedelta(minutes=119)
    assert local_span([]) == timedelta(0)


def test_a_statement_is_timed_day_only_or_unplaced():
    timed = place(SALVO[1].member())
    assert (timed.start.isoformat(), timed.end.isoformat()) == (
        "2031-05-13T22:44:00+00:00",
        "2031-05-13T23:21:00+00:00",
    )
    assert timed.day == date(2031, 5, 14)
    day_only = place(SALVO[5].member())
    assert (day_only.start, day_only.day, day_only.precision) == (None, date(2031, 5, 14), "day")
    unplaced = place(EventMember(Statement(document_id="x", authority="jcs", is_launch_report=True)))
    assert (unplaced.start, unplaced.day) == (None, None)


# -- grouping ---------------------------------------------------------------------------------------


def test_a_salvo_itemized_by_one_source_and_summarized_by_others_is_one_event():
    result = reconcile(members(SALVO), collected=ALL_AUTHORITIES)
    assert len(result.events) == 1
    event = result.events[0]
    assert set(event.report_ids) == {rid(f) for f in SALVO}
    assert event.report_ids[:2] == [rid(SALVO[2]), rid(SALVO[0])]  # oldest publication first: Seoul's flash at 7:50
    assert sorted(event.authorities) == ["jcs", "kcna", "mod_jp"]
    assert "launch times within 60 minutes" in event.grouping_reason
    assert "kcna states only the day 2031-05-14: the only event that day" in event.grouping_reason
    assert "jcs via yonhap states only the day 2031-05-14" in event.grouping_reason


def test_consensus_flags_and_carried_claims_of_the_salvo():
    event = reconcile(members(SALVO), collected=ALL_AUTHORITIES).events[0]
    assert (event.launch_utc, event.time_precision, event.launch_date_local) == (
        "2031-05-13T22:44:00Z", "minute", "2031-05-14",
    )  # fmt: skip
    assert (event.count, event.count_qualifier, event.count_disagrees) == (2, "exact", False)
    # longest per authority: mod_jp 360, jcs 300, kcna 365; lower median 360; 365 > 300 * 1.1
    assert (event.range_km, event.range_disagrees) == (360.0, True)
    assert (event.apogee_km, event.apogee_disagrees) == (50.0, False)
    assert event.time_disagrees is False  # 7:44 and 7:45
    assert (event.launch_site, event.launch_lat, event.launch_lon) == ("sukchon", 39.41, 125.63)
    assert event.launch_area == "평안남도 숙천 일대"  # in the words of the first authority to report: Seoul
    assert (event.missile_class, event.missile_name) == ("ballistic", "Hwasong-99")
    assert event.unreported_by == ["indopacom"]
    mod, jcs = event.authorities["mod_jp"], event.authorities["jcs"]
    # own releases win over the wire's quotes; the wire is named where it carried values
    assert (mod.count, mod.range_km, mod.stage, mod.carried_by) == (2, [350.0, 360.0], "followup", ["yonhap"])
    assert (jcs.count, jcs.range_km, jcs.launch_site, jcs.carried_by) == (2, [300.0], "sukchon", ["yonhap"])
    assert jcs.launch_times_local == ["07:45", "08:22"]


def test_quoted_numbers_count_for_an_authority_without_its_own_release():
    only_wire = [SALVO[0], SALVO[4]]  # Tokyo's flash and the wire report quoting Seoul and Tokyo
    event = reconcile(members(only_wire)).events[0]
    jcs, mod = event.authorities["jcs"], event.authorities["mod_jp"]
    assert (jcs.count, jcs.range_km, jcs.carried_by, jcs.stage) == (2, [300.0], ["yonhap"], None)
    # Tokyo's own flash says "at least one"; the count the wire credits to it is used only where
    # its own releases are silent: the range
    assert (mod.count, mod.count_qualifier, mod.range_km) == (1, "at_least", [350.0])
    assert mod.latency_minutes == 8.0 and jcs.latency_minutes is None  # a wire's time is not Seoul's


def test_a_flash_with_at_least_one_then_two_is_one_event_with_the_revision():
    event = reconcile(members(SALVO[:2])).events[0]
    revised = {(r.authority, r.field): r for r in event.revisions}
    count = revised[("mod_jp", "count")]
    assert (count.old, count.new) == (1, 2)
    assert (count.old_published_at, count.published_at) == ("2031-05-14T07:52:00+09:00", "2031-05-14T11:30:00+09:00")
    assert (count.old_report_id, count.report_id, count.stage) == (rid(SALVO[0]), rid(SALVO[1]), "followup")
    assert (revised[("mod_jp", "count_qualifier")].old, revised[("mod_jp", "count_qualifier")].new) == (
        "at_least", "exact",
    )  # fmt: skip
    assert revised[("mod_jp", "launch_times_local")].new == ["07:44", "08:21"]
    assert ("mod_jp", "range_km") not in revised  # first stated in the follow-up: not a revision
    assert (event.count, event.count_qualifier) == (2, "exact")


def test_flash_alone_gives_a_lower_bound():
    event = reconcile(members(SALVO[:1])).events[0]
    assert (event.count, event.count_qualifier, event.revisions) == (1, "at_least", [])


def test_two_launches_four_hours_apart_are_two_events_and_day_only_statements_find_theirs():
    result = reconcile(members(TWO_IN_A_DAY), collected=ALL_AUTHORITIES)
    morning, forenoon = event_of(result.events, TWO_IN_A_DAY[0]), event_of(result.events, TWO_IN_A_DAY[1])
    assert morning.id != forenoon.id
    # Seoul's flash with no numbers was published at 6:15, before the second launch: the morning one
    assert rid(TWO_IN_A_DAY[2]) in morning.report_ids
    assert "jcs flash states only the day 2031-06-02: the only event that day" in morning.grouping_reason
    assert morning.authorities["jcs"].count is None and morning.count == 1
    # Pyongyang, the next day, names an ICBM: the only event of the day with that class
    assert rid(TWO_IN_A_DAY[3]) in forenoon.report_ids
    assert "of 2 events that day, the only one with its class icbm" in forenoon.grouping_reason
    assert forenoon.missile_name == "Hwasong-98"
    # INDOPACOM's "today" (Hawaii) covers both launches and says nothing more: kept apart, and said so
    apart = event_of(result.events, TWO_IN_A_DAY[4])
    assert apart.report_ids == [rid(TWO_IN_A_DAY[4])]
    assert sorted(apart.ambiguous_with) == sorted([morning.id, forenoon.id])
    assert "which had 2 events (21:10 UTC, 01:15 UTC)" in apart.grouping_reason
    assert "text does not say which: kept apart" in apart.grouping_reason
    assert [e.id for e in result.events] == [apart.id, morning.id, forenoon.id]  # a day-only event: its day's start
    assert morning.unreported_by == ["indopacom", "kcna"]


def test_a_day_only_statement_joins_the_only_event_of_that_day():
    result = reconcile(members([TWO_IN_A_DAY[0], TWO_IN_A_DAY[4]]))
    assert len(result.events) == 1
    assert "indopacom states only the day 2031-06-01: the only event that day" in result.events[0].grouping_reason


def test_a_day_only_statement_never_joins_a_launch_after_its_publication():
    early = Fixture(
        "b0-indopacom-early",
        "indopacom",
        "en",
        "2031-06-01T10:00:00-10:00",
        "minute",
        "U.S. Indo-Pacific Command is aware of a ballistic missile launch by the DPRK today.",
        {"authority": "indopacom", "launch_date_local": "2031-06-01", "tz": "-10:00", "missile_class": "ballistic"},
    )  # published at 20:00 UTC, before either launch
    result = reconcile(members([*TWO_IN_A_DAY[:2], early]))
    assert len(result.events) == 3
    assert "no event with a launch time that day" in event_of(result.events, early).grouping_reason


def test_midnight_kst_one_launch_timed_on_either_side_of_it():
    event = reconcile(members(MIDNIGHT)).events[0]
    assert len(event.report_ids) == 2
    assert (event.launch_utc, event.launch_date_local) == ("2031-08-20T14:58:00Z", "2031-08-20")
    assert event.time_disagrees is False  # 23:58 and 0:03: five minutes, not more
    assert event.launch_site == "pyongyang"  # one each: the first to report (Tokyo, 0:30) decides


def test_a_launch_just_after_midnight_kst_is_the_previous_day_in_utc_and_pyongyang_day_joins_it():
    event = reconcile(members(AFTER_MIDNIGHT)).events[0]
    assert (event.launch_utc, event.launch_date_local) == ("2031-09-04T15:20:00Z", "2031-09-05")
    assert sorted(event.authorities) == ["kcna", "mod_jp"]


def test_every_number_disagreeing():
    event = reconcile(members(DISAGREEING)).events[0]
    assert (event.count_disagrees, event.range_disagrees, event.apogee_disagrees, event.time_disagrees) == (
        True, True, True, True,
    )  # fmt: skip
    assert (event.count, event.range_km, event.apogee_km) == (3, 300.0, 50.0)  # tie: the larger count
    assert event.launch_utc == "2031-10-09T22:44:00Z"
    assert event.missile_class == "slbm"  # Tokyo's "ballistic" supports Seoul's more specific class
    assert event.launch_site == "sinpo"


def test_an_at_least_count_disagrees_only_with_a_smaller_exact_count():
    def views(*counts):
        reports = [
            Fixture(f"k{i}", source, "en", "2031-10-10T09:00:00+09:00", "minute", "",
                    {"authority": authority, "launch_date_local": "2031-10-10", "launch_times_local": ["07:44"],
                     "count": n, "count_qualifier": q})
            for i, (source, authority, n, q) in enumerate(counts)
        ]  # fmt: skip
        return reconcile(members(reports)).events[0]

    event = views(("jcs_kr", "jcs", 2, "exact"), ("mod_jp", "mod_jp", 3, "at_least"))
    assert (event.count, event.count_qualifier, event.count_disagrees) == (2, "exact", True)
    event = views(("jcs_kr", "jcs", 3, "exact"), ("mod_jp", "mod_jp", 1, "at_least"))
    assert (event.count, event.count_disagrees) == (3, False)
    event = views(("jcs_kr", "jcs", None, "multiple"), ("mod_jp", "mod_jp", 2, "at_least"))
    assert (event.count, event.count_qualifier, event.count_disagrees) == (2, "at_least", False)


def test_different_missile_families_at_the_same_hour_are_two_events():
    cruise = Fixture(
        "f1-jcs-cruise",
        "jcs_kr",
        "ko",
        "2031-05-14T09:30:00+09:00",
        "minute",
        "합동참모본부는 북한이 오늘 오전 8시 5분경 서해상으로 순항미사일 여러 발을 발사했다고 밝혔다.",
        {
            "authority": "jcs",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["08:05"],
            "count_qualifier": "multiple",
            "missile_class": "cruise",
        },
    )
    result = reconcile(members([*SALVO[:2], cruise]))
    assert len(result.events) == 2
    salvo = event_of(result.events, SALVO[0])
    assert "jcs at 23:05 UTC kept apart: missile class cruise vs ballistic" in salvo.grouping_reason


def test_sites_far_apart_at_the_same_time_are_two_events():
    east = Fixture(
        "g1-jcs-sinpo",
        "jcs_kr",
        "ko",
        "2031-05-14T09:40:00+09:00",
        "minute",
        "합동참모본부는 북한이 오늘 오전 7시 50분경 신포 일대에서 탄도미사일 1발을 발사했다고 밝혔다.",
        {
            "authority": "jcs",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["07:50"],
            "count": 1,
            **SINPO,
            "missile_class": "ballistic",
        },
    )
    result = reconcile(members([SALVO[3], east]))
    assert len(result.events) == 2
    assert "launch site sinpo vs sukchon, over 150 km apart" in result.events[0].grouping_reason


def test_a_statement_without_a_date_is_an_event_of_its_own():
    undated = EventMember(Statement(document_id="undated-doc", source="jcs_kr", authority="jcs", is_launch_report=True))
    result = reconcile([*members(SALVO[:2]), undated])
    assert len(result.events) == 2
    lone = result.events[-1]
    assert lone.report_ids == [undated.report.id]
    assert lone.grouping_reason == "jcs states no launch date: an event of its own (nor a publication date)"
    assert (lone.launch_date_local, lone.launch_utc, lone.time_precision) == (None, None, None)


def undated_statement(published: str) -> EventMember:
    """INDOPACOM's usual words: aware of a launch, no date, no numbers."""
    report = Statement(document_id=f"indopacom-{published}", source="indopacom", authority="indopacom",
                    is_launch_report=True, missile_class="ballistic")  # fmt: skip
    return EventMember(report, datetime.fromisoformat(published), "minute")


def test_an_undated_statement_joins_the_only_launch_of_the_hours_before_it():
    aware = undated_statement("2031-05-14T14:30:00-10:00")  # Honolulu, the next morning in Korea
    result = reconcile([*members(SALVO), aware])
    event = event_of(result.events, SALVO[0])
    assert aware.report.id in event.report_ids and len(result.events) == 1
    assert "indopacom states no launch date: the only event in the 36 hours before it was published" in (
        event.grouping_reason)  # fmt: skip
    assert "indopacom" not in event.unreported_by


def test_an_undated_statement_long_after_any_launch_or_before_it_stays_apart():
    late = undated_statement("2031-05-20T09:00:00-10:00")  # six days on
    early = undated_statement("2031-05-13T09:00:00-10:00")  # before the launch
    result = reconcile([*members(SALVO), late, early])
    assert len(result.events) == 3
    for lone in result.events[1:]:
        assert lone.grouping_reason.endswith(
            "states no launch date: an event of its own (no event launched in the 36 hours before it was published)"
        )


def test_latency_is_first_own_statement_minus_launch_when_both_are_known_to_the_minute():
    event = reconcile(members(SALVO)).events[0]
    latency = {a: v.latency_minutes for a, v in event.authorities.items()}
    assert latency == {"mod_jp": 8.0, "jcs": 6.0, "kcna": None}  # Pyongyang's date carries no time
    assert event.authorities["jcs"].first_published_at == "2031-05-14T07:50:00+09:00"
    day_only = reconcile(members([SALVO[5]])).events[0]  # no launch time: no latency
    assert day_only.authorities["kcna"].latency_minutes is None


def test_unreported_by_lists_only_authorities_collected_for_that_date():
    collected = {"mod_jp": None, "jcs": date(2031, 1, 1), "kcna": date(2031, 9, 1), "indopacom": None}
    event = reconcile(members(SALVO[:2]), collected=collected).events[0]
    assert event.unreported_by == ["jcs", "indopacom"]  # KCNA's collection starts after the launch
    only_mod = reconcile(members(SALVO[:2]), collected={"mod_jp": None}).events[0]
    assert only_mod.unreported_by == []


# -- determinism and ids ------------------------------------------------------------------------------


def test_the_same_statements_in_any_order_give_the_same_events():
    first = reconcile(members(FIXTURES), collected=ALL_AUTHORITIES).events
    for seed in range(5):
        shuffled = members(FIXTURES)
        random.Random(seed).shuffle(shuffled)
        assert reconcile(shuffled, collected=ALL_AUTHORITIES).events == first
    assert len({e.id for e in first}) == len(first) == 7


def test_event_ids_survive_later_reports_joining():
    alone = reconcile(members(SALVO[2:3])).events[0].id  # Seoul's flash, the first publication
    everything = reconcile(members(SALVO)).events[0].id
    assert alone == everything  # the earliest-published statement anchors the id
    assert alone == event_id(rid(SALVO[2]))


def test_an_earlier_published_report_arriving_late_keeps_the_id_through_the_kept_assignment():
    first = reconcile(members(SALVO[1:2]))  # Tokyo's follow-up collected first
    late = members([SALVO[2], SALVO[1]])  # Seoul's flash, published earlier, arrives later
    kept = reconcile(late, previous=first.event_of_report).events[0]
    assert kept.id == first.events[0].id
    fresh = reconcile(late).events[0]  # without the kept assignment the anchor is Seoul's flash
    assert fresh.id != kept.id


def test_merging_two_events_keeps_the_earlier_anchored_id_and_retires_the_other():
    flash_early = Fixture(
        "h1",
        "mod_jp",
        "ja",
        "2031-11-01T07:10:00+09:00",
        "minute",
        "北朝鮮は本日７時頃、弾道ミサイルを発射しました。",
        {"authority": "mod_jp", "stage": "flash", "launch_date_local": "2031-11-01", "launch_times_local": ["07:00"]},
    )
    flash_late = Fixture(
        "h2",
        "mod_jp",
        "ja",
        "2031-11-01T08:20:00+09:00",
        "minute",
        "北朝鮮は本日８時１０分頃、弾道ミサイルを発射しました。",
        {"authority": "mod_jp", "stage": "flash", "launch_date_local": "2031-11-01", "launch_times_local": ["08:10"]},
    )
    followup = Fixture(
        "h3", "mod_jp", "ja", "2031-11-01T11:00:00+09:00", "minute",
        "北朝鮮は本日７時頃から８時１０分頃にかけて、３発の弾道ミサイルを発射しました。",
        {"authority": "mod_jp", "stage": "followup", "launch_date_local": "2031-11-01",
         "launch_times_local": ["07:00", "07:40", "08:10"], "count": 3},
    )  # fmt: skip
    before = reconcile(members([flash_early, flash_late]))
    assert len(before.events) == 2  # 70 minutes apart
    early_id, late_id = (event_of(before.events, f).id for f in (flash_early, flash_late))
    after = reconcile(members([flash_early, flash_late, followup]), previous=before.event_of_report)
    assert [e.id for e in after.events] == [early_id]
    assert after.assignment.merged == {late_id: early_id}
    # the follow-up is withdrawn again: the split-off event gets its old id back (same anchor)
    again = reconcile(members([flash_early, flash_late]), previous=after.event_of_report)
    assert sorted(e.id for e in again.events) == sorted([early_id, late_id])


def test_a_retired_id_is_never_given_to_another_event():
    groups = group_statements(members(SALVO[:1]))
    other = "ev-" + "0" * 16
    ids = assign_ids(groups, previous={rid(SALVO[0]): other, "gone-report": "ev-" + "1" * 16})
    assert ids.ids == [other]
    assert ids.withdrawn == ["ev-" + "1" * 16]


def test_withdrawn_reports_leave_their_event_with_its_id():
    first = reconcile(members(SALVO))
    without_anchor = reconcile(members(SALVO[1:]), previous=first.event_of_report)
    assert without_anchor.events[0].id == first.events[0].id
    nothing = reconcile([], previous=first.event_of_report)
    assert nothing.events == [] and nothing.assignment.withdrawn == [first.events[0].id]


def test_events_come_in_launch_order_with_day_only_and_undated_ones_placed_by_day():
    events = reconcile(members(FIXTURES)).events
    keys = [e.launch_utc or e.launch_date_local for e in events]
    assert keys == sorted(keys)


def test_an_event_whose_reports_were_all_withdrawn_and_came_back_gets_its_retired_id_again():
    groups = group_statements(members(SALVO))
    revived = assign_ids(groups, previous={}, retired={"ev-0123456789abcdef": rid(SALVO[1])})
    assert revived.ids == ["ev-0123456789abcdef"]
    unrelated = assign_ids(groups, previous={}, retired={"ev-0123456789abcdef": "another-report"})
    assert unrelated.ids == [event_id(rid(SALVO[2]))]


def test_an_event_known_only_from_a_text_of_no_known_authority_keeps_its_time():
    analysis = Fixture(
        "i1-analysis", "csis", "en", "2031-12-02T12:00:00+09:00", "day",
        "North Korea fired a short-range ballistic missile at 6:31 a.m., South Korea's military said; "
        "state media later called it a routine drill.",
        {"authority": None, "launch_date_local": "2031-12-02", "launch_times_local": ["06:31"],
         "claims": [Claim("jcs", 1, "exact")]},
    )  # fmt: skip
    event = reconcile(members([analysis])).events[0]
    assert (event.launch_utc, event.time_precision, event.count) == ("2031-12-01T21:31:00Z", "minute", 1)
    assert event.authorities["jcs"].carried_by == ["csis"]
