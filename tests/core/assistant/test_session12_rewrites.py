"""Session 12 refactor: the rewrites an ask is read through (rewrites.py) are one ordered table, used by
``understand`` and ``direction_problem`` alike.

- the tables' order is pinned (the first step that applies wins, so order is meaning);
- each step gives the words it always gave, and understand reads an ask as those words;
- direction_problem judges the same words understand read: the right command passes and its reverse is caught,
  exactly as on the rewritten words;
- a list / elided part naming no other device of the kind refuses the whole ask with one wording, the part named.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from console.core.assistant import rewrites
from console.core.assistant.rewrites import ASK_REWRITES, DIRECTION_CHAIN, GLARE, OWN_WORDS, SAID_REWRITES, chained
from tests.core.assistant.helpers import ASSISTANT

STEPS = {s.name: s for s in ASK_REWRITES + SAID_REWRITES}


def test_table_order():
    assert [s.name for s in ASK_REWRITES] == ["own_words", "nonnative", "notes", "mode_after", "brighten", "restart", "party", "compared", "bare_set", "spot", "aside"]
    assert [s.name for s in SAID_REWRITES] == ["running", "stuck", "goods", "fault_note", "spot_left", "either_way", "line_head", "place_part", "spaced", "undo", "rid", "clear_alarm", "placed", "telegraphic", "annoyed", "designators", "elided", "reason", "glare"]
    assert [s.name for s in DIRECTION_CHAIN] == ["undo", "restart", "party", "nonnative"]
    assert ASK_REWRITES[0] is OWN_WORDS and SAID_REWRITES[-1] is GLARE


def test_table_rows_name_their_module_and_why():
    names = [s.name for s in ASK_REWRITES + SAID_REWRITES]
    assert len(names) == len(set(names))
    for step in ASK_REWRITES + SAID_REWRITES:
        assert step.module.endswith(".py") and step.why
    assert [s.name for s in ASK_REWRITES + SAID_REWRITES if s.refusal] == ["running", "goods", "spot_left", "either_way", "undo", "designators", "elided"]


@pytest.mark.parametrize("step, text, words", [
    ("own_words", "FW: shift note\n> conveyor A stopped\nstop conveyor A", "stop conveyor A"),
    ("own_words", "ALM 0412 line A fan overcurrent -> kill it", "line a exhaust fan: kill it"),
    ("own_words", "sun's off the screens now, open the blinds", "sun's gone now, open the blinds"),
    ("restart", "the pump stopped, get it going again", "the pump, get it going"),
    ("restart", "水泵停了，重新启动一下", "水泵，重新启动一下"),
    ("party", "kill the pump, maintenance wants to open it up", "kill the pump"),
    ("bare_set", "pls on the AC, set 25", "turn on the ac, set to 25"),
    ("spaced", "仓库大灯关掉 门锁锁上", "仓库大灯关掉，门锁锁上"),
    ("undo", "I cut the steam earlier, fully open please", "the steam, fully open please"),
    ("undo", "I cut the steam earlier", ""),
    ("rid", "smoke on line A, get rid of it", "smoke on line a, get rid of the smoke"),
    ("designators", "传送带A和B停下", "传送带a和传送带b停下"),
    ("designators", "stop conveyor a and c", ""),
    ("elided", "stop conveyor a. and b too", "stop conveyor a. and conveyor b too"),
    ("elided", "stop conveyor a. and c too", ""),
    ("reason", "the heating's too much", "it's too hot"),
    ("glare", "阳光照进来太晃眼了", "阳光刺眼"),
])
def test_step_words(step, text, words):
    assert STEPS[step].words(ASSISTANT, text) == words
    earlier = ASK_REWRITES + SAID_REWRITES
    earlier = earlier[:earlier.index(STEPS[step])]
    assert all(s.words(ASSISTANT, text) is None for s in earlier)  # the first that applies


@pytest.mark.parametrize("text", [
    "FW: shift note\n> conveyor A stopped\nstop conveyor A",
    "ALM 0412 line A fan overcurrent -> kill it",
    "the pump stopped, get it going again",
    "kill the pump, maintenance wants to open it up",
    "pls on the AC, set 25",
    "仓库大灯关掉 门锁锁上",
    "I cut the steam earlier, fully open please",
    "传送带A和B停下",
    "stop conveyor a. and b too",
    "阳光照进来太晃眼了",
])
def test_understand_reads_the_rewrite(text):
    words = next(w for s in ASK_REWRITES + SAID_REWRITES if (w := s.words(ASSISTANT, text)) is not None)
    prop, again = ASSISTANT.understand(text), ASSISTANT.understand(words)
    assert prop.ok and prop.commands and prop.utterance == text
    assert [(c.device_id, c.params) for c in prop.commands] == [(c.device_id, c.params) for c in again.commands]


def _flipped(prop):
    def flip(v):
        return (not v) if isinstance(v, bool) else (100 - v if isinstance(v, (int, float)) else v)
    return replace(prop, commands=tuple(replace(c, params={k: flip(v) for k, v in c.params.items()})
                                        for c in prop.commands))


@pytest.mark.parametrize("text, words", [
    ("FW: shift note\n> conveyor A stopped\nstop conveyor A", "stop conveyor A"),
    ("ALM 0412 line A fan overcurrent -> kill it", "line a exhaust fan: kill it"),
    ("sun's off the screens now, open the blinds", "sun's gone now, open the blinds"),
    ("the pump stopped, get it going again", "the pump, get it going"),
    ("the cooling pump stopped, start it again", "the cooling pump, start it"),
    ("水泵停了，重新启动一下", "水泵，重新启动一下"),
    ("kill the pump, maintenance wants to open it up", "kill the pump"),
    ("I cut the steam earlier, fully open please", "the steam, fully open please"),
    ("I closed the steam valve earlier, open it", "the steam valve, open it"),
])
def test_direction_reads_the_same_words(text, words):
    assert (OWN_WORDS.words(ASSISTANT, text) or chained(ASSISTANT, text)) == words
    prop = ASSISTANT.understand(text)
    assert prop.commands
    wrong = _flipped(prop)
    assert ASSISTANT.direction_problem(text, prop) is None
    assert ASSISTANT.direction_problem(text, wrong) is not None  # never the reverse
    assert ASSISTANT.direction_problem(text, wrong) == ASSISTANT.direction_problem(words, wrong)


@pytest.mark.parametrize("text, part", [
    ("stop conveyor a and c", "The second name"),
    ("stop conveyor a. and c too", "The last part"),
])
def test_no_other_of_kind_refuses_whole(text, part):
    prop = ASSISTANT.understand(text)
    assert not prop.commands and prop.refusal is not None and prop.refusal.kind == "unknown_device"
    assert prop.refusal.reason.startswith(part) and "no other device of that kind" in prop.refusal.reason


def test_no_other_of_kind_zh_wording():
    kind, en, zh = rewrites.no_other_of_kind("The last part", "最后一部分")
    assert kind == "unknown_device" and en.startswith("The last part names no other")
    assert zh.startswith("最后一部分没有指明") and zh.endswith("请说出设备名称。")
