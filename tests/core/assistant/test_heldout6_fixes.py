"""The misses of the blind held-out 6 set (polite full sentences), fixed at the root
(bench/intents_heldout6.jsonl, now dev material).

Most serious first: 'Please release the Main entrance lock so the delivery crew can come in.' LOCKED the
door: the semantics layer read the noun "lock" of the device's name as its "lock" verb, and the lock kind
had no words for letting people in.  Now a device's name (and a kind noun after an article or 的) is never a
direction word, the lock kind knows release / open / let … in / come in / get in, and every layer's gate
refuses a lock command whose way (lock or unlock) the ask does not state (``direction.lock_ways``).
Then a line the fleet lacks (C线, "line C", 三号线, "line 3") went to the model, which stopped conveyor A:
a numbered or lettered place the fleet lacks is refused before any layer, and again at the gate.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction import lock_ways
from console.core.assistant.layers import Assistant
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
OFFERED: list[list[str]] = []


def _chooser(_utterance: str, options: list[str]) -> int:
    OFFERED.append(list(options))
    return 0  # a model that always picks the first: it must never be asked about a place the fleet lacks


DEMO = Assistant(FLEET, default_aliases(), chooser=_chooser)


def got(text: str) -> dict[str, dict]:
    prop = DEMO.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


# -- 1. unlock words on a lock never lock it ---------------------------------------------------------------
EN_UNLOCK = ["release", "please release", "open", "undo", "unlock", "could you unlock", "unbolt"]
EN_LOCKS = ["the main entrance lock", "the front door lock", "the entrance lock", "the lock", "the main door lock"]
EN_PURPOSE = ["", " so the delivery crew can come in", " so the visitors can get in", ", the cleaners need to get in",
              " and let the courier in", " so people can get into the building"]
ZH_UNLOCK = ["打开", "解开", "把{l}打开", "把{l}解开", "请把{l}打开", "麻烦把{l}解锁"]
ZH_LOCKS = ["大门门锁", "正门的锁", "入口门锁", "大门的锁"]
ZH_PURPOSE = ["", "，让送货的人进来", "，访客要进来", "，好让保洁进来"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verb=st.sampled_from(EN_UNLOCK), lock=st.sampled_from(EN_LOCKS), why=st.sampled_from(EN_PURPOSE),
       polite=st.sampled_from(["", "please ", "Please "]))
def test_english_unlock_words_never_lock(verb: str, lock: str, why: str, polite: str) -> None:
    text = f"{polite}{verb} {lock}{why}."
    prop = DEMO.understand(text)
    assert all(c.params.get("locked") is not True for c in prop.commands), (text, prop.commands)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verb=st.sampled_from(ZH_UNLOCK), lock=st.sampled_from(ZH_LOCKS), why=st.sampled_from(ZH_PURPOSE))
def test_chinese_unlock_words_never_lock(verb: str, lock: str, why: str) -> None:
    text = (verb.format(l=lock) if "{l}" in verb else verb + lock) + why + "。"
    prop = DEMO.understand(text)
    assert all(c.params.get("locked") is not True for c in prop.commands), (text, prop.commands)


@pytest.mark.parametrize("text", [
    "Please release the Main entrance lock so the delivery crew can come in.",
    "could you release the entrance lock so the visitors can get in",
    "please release the lock",
    "请打开正门的锁，让访客进来",
    "让保洁进来，把大门门锁解开",
    "Our visitors are arriving now, so please make sure they can get into the building.",
])
def test_unlock_asks_unlock(text: str) -> None:
    assert got(text) == {"lock-main-door": {"locked": False}}


@pytest.mark.parametrize("text", [
    "Please make sure nobody can get into the building.",
    "I'd like the premises secured against intruders, please.",
    "I want the site secured against burglars",
    "lock the main entrance lock",
    "把正门的锁锁上",
])
def test_lock_asks_lock(text: str) -> None:
    assert got(text) == {"lock-main-door": {"locked": True}}


def test_lock_ways_read_the_noun_apart_from_the_verb() -> None:
    assert lock_ways("release the      so the crew can come in") == {"unlock"}
    assert lock_ways("make sure nobody can get into the building") == {"lock"}
    assert lock_ways("请打开正门   ，让访客进来") == {"unlock"}
    assert lock_ways("the weather is nice") == set()


def test_the_gate_refuses_a_lock_way_the_ask_does_not_state() -> None:
    """Whatever layer proposed it: a lock command needs its way in the words."""
    from console.core.assistant.proposal import build_proposal

    for text, locked in [("please release the main entrance lock", True), ("lock the main door", False),
                         ("the main entrance lock, please", True)]:
        prop = build_proposal(text, "en", {"lock-main-door": {"locked": locked}}, set(), by_id=DEMO.by_id,
                              aliases=DEMO.aliases, max_commands=DEMO.max_commands)
        assert prop.ok
        out = DEMO._gate(text, prop)
        assert out.refusal is not None and not out.commands, (text, locked)


# -- 2. a line the fleet lacks is refused before any layer picks a device ----------------------------------
@pytest.mark.parametrize("text", [
    "麻烦把C线的产品输送停下来。", "把C线的传送带停下来", "请把C号线的排风扇打开", "三号线停止输送产品",
    "请把三号线的传送带停下来", "please stop the conveyor on line C", "halt production on line 3",
    "Please stop product transport on line C.", "turn on the fan on line 3", "stop line c",
])
def test_a_line_the_fleet_lacks_is_refused_and_never_offered_to_the_model(text: str) -> None:
    OFFERED.clear()
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert prop.refusal.kind == "unknown_device"
    assert OFFERED == [], OFFERED


@pytest.mark.parametrize("text,want", [
    ("把A线的传送带停下来", {"conveyor-a": {"running": False}}),
    ("stop the conveyor on line B", {"conveyor-b": {"running": False}}),
    ("一号线的传送带停下来", {"conveyor-a": {"running": False}}),
])
def test_lines_the_fleet_has_still_work(text: str, want: dict) -> None:
    assert got(text) == want


# -- 3. "make sure X is off / on / running (at N)": the state is the command ------------------------------
@pytest.mark.parametrize("text,want", [
    ("Please make sure the Warehouse floodlight is off.", {"lamp-warehouse": {"power": False}}),
    ("Please make sure the Line A exhaust fan is running on high.", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("Please make sure the cooling water pump is running at 40 litres per minute.",
     {"pump-cooling": {"running": True, "flow": 40}}),
    ("Please make sure the main entrance lock is engaged.", {"lock-main-door": {"locked": True}}),
    ("please ensure conveyor b is stopped", {"conveyor-b": {"running": False}}),
    ("请确保院子警报器是关着的", {"siren-yard": {"active": False}}),
    ("请确保冷却水泵在运行", {"pump-cooling": {"running": True}}),
    ("确保大门门锁是锁着的", {"lock-main-door": {"locked": True}}),
])
def test_make_sure_a_state(text: str, want: dict) -> None:
    assert got(text) == want


# -- 4. Chinese numerals and 每分钟…升/转; a value clause belongs to the device before it ---------------------
@pytest.mark.parametrize("text,want", [
    ("请把冷却水流量调到每分钟三十五升。", {"pump-cooling": {"flow": 35}}),
    ("二号传送带速度调到每分钟六十转", {"conveyor-b": {"speed": 60}}),
    ("请启动一号传送带，速度设为50转每分钟，同时把仓库泛光灯打开。",
     {"conveyor-a": {"running": True, "speed": 50}, "lamp-warehouse": {"power": True}}),
    ("start conveyor b, speed 30 rpm, and switch off the desk lamp",
     {"conveyor-b": {"running": True, "speed": 30}, "lamp-office-2": {"power": False}}),
])
def test_chinese_numerals_per_minute_and_value_clauses(text: str, want: dict) -> None:
    assert got(text) == want


def test_a_clause_about_something_else_still_refuses_the_whole_ask() -> None:
    assert DEMO.understand("turn on the desk lamp and also fix the printer").refusal is not None


# -- 5. a feeling before an explicit switch, both AC modes stopped, a paused line ---------------------------
@pytest.mark.parametrize("text,want", [
    ("It's a bit chilly in the office, please turn the heating on.", {"hvac-office": {"power": True, "mode": "heat"}}),
    ("it's a little dark in the warehouse, switch the floodlight on", {"lamp-warehouse": {"power": True}}),
    ("Nobody is in the office anymore, so please stop heating and cooling it.", {"hvac-office": {"power": False}}),
    ("办公室没人了，停止制冷和制热", {"hvac-office": {"power": False}}),
    ("I'd like production on the second line paused, please.", {"conveyor-b": {"running": False}}),
])
def test_feelings_modes_and_paused(text: str, want: dict) -> None:
    assert got(text) == want


def test_a_feeling_with_a_relative_change_is_still_refused() -> None:
    assert DEMO.understand("a bit chilly in the office, turn the heating up").refusal is not None
