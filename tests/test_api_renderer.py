"""The API's JSON renderer writes what DRF's would, faster; where it can't, DRF's renders."""

import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy as _
from rest_framework.renderers import JSONRenderer as DRFJSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from factcheck.api.renderers import JSONRenderer

PAGES = {
    "strings": {"plain": "Idlib", "unicode": "Türkiye – Россия 🇹🇷", "quote": 'a "b" \\ c'},
    "controls": {"text": "line\nbreak\ttab\x00nul\x1f\x7f", "separators": "a\u2028b\u2029c"},
    "numbers": {"int": 12, "negative": -3, "float": 0.25, "small": 1.5e-3, "bool": True},
    "nothing": {"none": None, "empty": [], "nested": {"list": [1, [2, {"x": None}]]}},
    "time": {
        "utc": datetime(2026, 11, 25, 12, 0, 0, 120000, tzinfo=UTC),
        "whole": datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
        "istanbul": datetime(2026, 11, 25, 15, 0, tzinfo=timezone(timedelta(hours=3))),
        "date": date(2026, 11, 25),
        "time": time(9, 30),
        "duration": timedelta(hours=1, seconds=5),
    },
    "other types": {"decimal": Decimal("3.70"), "uuid": uuid.UUID(int=7), "lazy": _("Yes")},
    "drf containers": ReturnDict({"rows": ReturnList([{"id": 1}], serializer=1)}, serializer=1),
    "huge int": {"id": 2**70},
    "list": [1, "two", None],
}


@pytest.mark.parametrize("name", PAGES)
def test_it_writes_the_bytes_drf_writes(name):
    assert JSONRenderer().render(PAGES[name]) == DRFJSONRenderer().render(PAGES[name])


def test_it_leaves_indented_output_to_drf():
    rendered = JSONRenderer().render({"a": [1]}, "application/json; indent=2")
    assert rendered == DRFJSONRenderer().render({"a": [1]}, "application/json; indent=2")
    assert b"\n  " in rendered


def test_it_renders_nothing_for_no_data():
    assert JSONRenderer().render(None) == b""


def test_it_refuses_what_drf_refuses():
    with pytest.raises(TypeError):
        DRFJSONRenderer().render({"x": object()})
    with pytest.raises(TypeError):
        JSONRenderer().render({"x": object()})
