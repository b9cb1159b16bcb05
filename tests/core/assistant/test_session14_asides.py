"""Session 14, blind set 97 (Taiwan): a clause that reports an indefinite thing stuck / fallen in (有东西卡住了) is why,
never the fleet's generic noun 东西 ("every device": 两条输送带都先停下来，有东西卡住了 had stopped every device)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import refused, understood

BOTH_STOP = {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}


@pytest.mark.parametrize("text,want", [
    ("兩條輸送帶都先停下來，有東西卡住了", BOTH_STOP),
    ("两条输送带先停下来，有东西卡住了", BOTH_STOP),
    ("有东西卡住了，两条输送带都停下来", BOTH_STOP),
    ("两条输送带都停下来，东西都卡住了", BOTH_STOP),
    ("两条输送带都停，好像有个东西卡在里面", BOTH_STOP),
    ("把泵关了，好像有东西堵住了", {"pump-cooling": {"running": False}}),
    ("蒸汽阀关掉，有东西漏了", {"valve-steam": {"open": 0.0}}),
    ("B线传送带停一下，里面有东西", {"conveyor-b": {"running": False}}),
])
def test_a_thing_report_is_no_device(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "有东西卡住了",  # the report alone: nothing to do
    "把B线传送带停了，有东西卡住了，别开",  # a negation elsewhere
    "两条输送带都先停下来，有东西卡住了，然后把灯打开",  # which lamp?
])
def test_still_refused(text):
    assert refused(text)


def test_every_device_where_things_are_the_object():
    everything = understood("两条输送带都停下来，东西都关掉")  # "and switch everything off": every device
    assert len(everything) > 2 and all(False in p.values() for p in everything.values())
    assert len(understood("东西都关掉")) > 2
