"""Property tests for the normalizers: offset map and number parsing."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from launchfeed.extract.normalize import normalize, parse_number


@given(st.text(max_size=200))
def test_offset_map_is_monotonic_and_in_bounds(text):
    n = normalize(text)
    assert len(n.starts) == len(n.text) == len(n.ends)
    for a, b in zip(n.starts, n.ends, strict=True):
        assert 0 <= a < b <= len(text)
    assert n.starts == sorted(n.starts)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=100))
def test_every_normalized_span_maps_to_its_source(text):
    n = normalize(text)
    for i in range(len(n.text)):
        a, b = n.span(i, i + 1)
        seg = text[a:b]
        assert seg  # never an empty original span
        assert n.text[i] in unicodedata.normalize("NFKC", seg) or n.text[i] in "()0123456789-~'\" "


def test_circled_numbers_and_full_width():
    n = normalize("①７時４４分　１,０００ｋｍ　７，０００㎞")
    assert n.text == "(1)7時44分 1,000km 7,000km"
    a, b = n.span(n.text.index("km"), n.text.index("km") + 2)
    assert n.original[a:b] == "ｋｍ"


@given(st.text(max_size=30))
def test_parse_number_never_raises(s):
    v = parse_number(s, {"two": 2})
    assert v is None or isinstance(v, float)


def test_parse_number_forms():
    assert parse_number("1,000") == 1000
    assert parse_number("7 800") == 7800
    assert parse_number("101.1") == 101.1
    assert parse_number("two", {"two": 2}) == 2
    assert parse_number("km") is None


def test_parse_number_with_scale_words():
    ko = {"만": 10000, "천": 1000, "백": 100}
    assert parse_number("4천500", scales=ko) == 4500
    assert parse_number("6천1백", scales=ko) == 6100  # broadcast style: 6천1백 km
    assert parse_number("1만5000", scales=ko) == 15000
    assert parse_number("1만5천", scales=ko) == 15000
    assert parse_number("1백천", scales=ko) is None  # scales must fall
    assert parse_number("천", scales=ko) is None
    assert parse_number("500", scales=ko) == 500


@given(st.text(alphabet="0123456789만천백", max_size=12))
def test_parse_number_with_scales_never_raises(s):
    v = parse_number(s, scales={"만": 10000, "천": 1000, "백": 100})
    assert v is None or (isinstance(v, float) and v >= 0)
