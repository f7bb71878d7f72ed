"""The data dictionary: output/README.md and datapackage.json, generated from the contracts."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from frictionless import Package, validate
from launchdata import build_workspace
from launchfeed.output.datadict import REPO_README, datapackage, main, render_readme
from launchfeed.output.tables import TABLES

from launchfeed.contracts import AuthorityView, Claim, Evidence, Missile, Statement
from launchfeed.sources import crawlers


def test_committed_readme_is_the_generated_one():
    assert REPO_README.read_text(encoding="utf-8") == render_readme(), (
        "output/README.md is stale: run python -m launchfeed.output.datadict and commit it"
    )
    assert main(["--check"]) == 0


def test_every_column_of_every_table_is_documented_with_its_type():
    readme = render_readme()
    package = datapackage()
    assert [r["path"] for r in package["resources"]] == [f"{t.name}.csv" for t in TABLES]
    for table, resource in zip(TABLES, package["resources"], strict=True):
        assert f"## `{table.name}.csv`" in readme
        schema_fields = resource["schema"]["fields"]
        assert [f["name"] for f in schema_fields] == [c.name for c in table.columns]
        for column, field in zip(table.columns, schema_fields, strict=True):
            assert field["description"] and field["description"] != column.name, (table.name, column.name)
            assert f"| `{column.name}` |" in readme


def test_units_types_and_allowed_values_come_from_the_contracts():
    package = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in datapackage()["resources"]}
    statements = package["statements"]
    assert statements["range_km"] == {**statements["range_km"], "type": "list", "itemType": "number",
                                      "delimiter": ";", "unit": "km"}  # fmt: skip
    assert statements["count"]["type"] == "integer" and statements["launch_utc"]["type"] == "datetime"
    assert statements["launch_date_local"]["type"] == "date"
    assert statements["is_launch_report"]["trueValues"] == ["true"]
    report_fields = {f.name: f for f in fields(Statement)}
    assert statements["authority"]["constraints"]["enum"] == list(report_fields["authority"].metadata["values"])
    assert package["missiles"]["missile_class"]["constraints"]["enum"] == list(
        next(f for f in fields(Missile) if f.name == "missile_class").metadata["values"]
    )
    assert package["claims"]["apogee_km"]["unit"] == "km"
    assert package["evidence"]["start"]["unit"] == "characters"
    assert package["launches"]["jcs_latency_minutes"]["unit"] == "minutes"
    assert package["launches"]["count_disagrees"]["type"] == "boolean"
    # every documented contract field reaches a column
    for cls, table in ((Missile, "missiles"), (Claim, "claims"), (Evidence, "evidence")):
        assert {f.name for f in fields(cls)} <= set(package[table])
    assert {f"mod_jp_{f.name}" for f in fields(AuthorityView) if f.name not in ("authority", "report_ids")} <= set(
        package["launches"]
    )


def test_item_tables_point_at_their_statement():
    resources = {r["name"]: r for r in datapackage()["resources"]}
    for name in ("missiles", "claims", "evidence"):
        assert resources[name]["schema"]["foreignKeys"] == [
            {"fields": ["report_id"], "reference": {"resource": "statements", "fields": ["report_id"]}}
        ]
    assert resources["launches"]["schema"]["primaryKey"] == ["event_id"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("datapackage")
    build_workspace(out).store.close()
    return out


def test_collect_writes_the_package_and_the_dictionary_beside_the_files(written):
    declared = [module.INFO for module in crawlers().values()]
    assert json.loads((written / "datapackage.json").read_text(encoding="utf-8")) == datapackage(sources=declared)
    assert (written / "README.md").read_text(encoding="utf-8") == render_readme()


def test_the_package_names_its_licenses_and_its_sources(written):
    package = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    assert [license["name"] for license in package["licenses"]] == ["other-at"]
    assert "cite the publisher and the URL" in package["licenses"][0]["title"]
    sources = {source["path"]: source["title"] for source in package["sources"]}
    assert sources["https://www.mod.go.jp/"].startswith("Ministry of Defense of Japan")
    assert {"https://www.pacom.mil/", "http://www.kcna.kp/", "https://www.war.gov/"} <= set(sources)


def test_written_files_validate_against_the_package(written):
    report = validate(written / "datapackage.json")
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, errors
    # and the values read back typed: lists, datetimes with offsets, booleans
    rows = Package(str(written / "datapackage.json")).get_resource("statements").read_rows()
    followup = next(r for r in rows if r["url"].endswith("/2025/01/14c.html"))
    assert [float(v) for v in followup["range_km"]] == [350.0]
    assert followup["launch_utc"].utcoffset().total_seconds() == 0
    assert followup["published_at"].utcoffset().total_seconds() == 9 * 3600
    launches = Package(str(written / "datapackage.json")).get_resource("launches").read_rows()
    assert sum(1 for r in launches if r["count_disagrees"] is True) == 1


def test_a_value_outside_the_allowed_ones_fails_validation(written, tmp_path):
    for path in written.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (tmp_path / "statements.csv").read_text(encoding="utf-8")
    (tmp_path / "statements.csv").write_text(text.replace(",followup,", ",follow-up,", 1), encoding="utf-8")
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert any("follow-up" in error.message for task in report.tasks for error in task.errors)
