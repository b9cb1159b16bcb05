"""Session 9, blind sets of a maintenance crew's week and a shift lead's day: parts of an ask, as classes.

Harms first (a part silently dropped, or a wrong device):
1. a terse "<thing> going" is a target state (terse_going.py), and a Chinese change complement (走起来) or a terse item
   ("steam on") is never a situation dropped in silence (layers._situation);
2. a 把 / 顺便 clause is a command, never a remark (lead_reasons._NO_REMARK); 产线 is a production line (aliases);
3. a 、-list of commands is a list of clauses (list_commas_zh.py);
4. "every light off, the warehouse one too" includes the warehouse, never bounds the ask to it (inclusions.py);
5. "X no sorry Y …", "X, no, Y", X 不对 Y, X 哦不 Y withdraw the name X (corrections._name_withdrawn), and "…, the
   cooling one i mean" naming the same device is a clarification (corrections._clarifies);
6. a place with one kind's own verb ("pause line two", 二号线暂停) is that kind there (place_kind_verbs.py);
7. a verbless repeat clause shares the verb ("start conveyor A at 30 and conveyor B at 40": shared_switch.py), 跑 + a
   rate runs (layers._OPENED_TO), 烟排一下 is the fan's 排烟 (object_verbs_zh.py);
8. an ordinal N号 after a place is never a value (二号线：二号传送带停 had set speed 2: values.py);
9. two terse items with no separator ("desk lamp on ceiling lamp off" had switched both off: run_ons.py).
Then over-refusals: LOTO / 挂锁 is a reason (lockout.py), "Valve closed." among sentence-end items (headings.py),
"like before" and "for the load test" (as_before.py), "run conveyor A slow, 10 rpm" (direction._RUN_SLOW), 调回 is a
value slot (lexicon.VALUE_SLOT).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.as_before import drop_as_before
from console.core.assistant.inclusions import split_inclusion
from console.core.assistant.list_commas_zh import commas_for_listed_commands
from console.core.assistant.lockout import drop_lockout
from console.core.assistant.phrases import normalize
from console.core.assistant.run_ons import split_run_ons
from console.core.assistant.terse_going import terse_going
from tests.core.assistant.helpers import ASSISTANT, refused, understood

PUMP, VALVE, CONV_A, CONV_B, FAN = "pump-cooling", "valve-steam", "conveyor-a", "conveyor-b", "fan-line-a"
DESK, CEILING, FLOOD, LOCK, SIREN = "lamp-office-2", "lamp-office-1", "lamp-warehouse", "lock-main-door", "siren-yard"
LAMPS_OFF = {d: {"power": False} for d in (DESK, CEILING, FLOOD)}
STOP = {"running": False}
RUN = {"running": True}
SHUT = {"open": 0.0}


def _both(a: dict, b: dict) -> dict:
    return {**a, **b}


# -- the blind lines ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    # harms
    ("line B: coolant going and steam at half", {PUMP: RUN, VALVE: {"open": 50.0}}),
    ("一号线有烟，顺便把产线停了", {FAN: {"power": True}, CONV_A: STOP}),
    ("二号线挂锁：停产、冷却水停、蒸汽切断", {CONV_B: STOP, PUMP: STOP, VALVE: SHUT}),
    ("turn every light off, I'm heading out - the warehouse one too", LAMPS_OFF),
    ("the desk lamp no sorry the ceiling lamp turn it off", {CEILING: {"power": False}}),
    ("okay so lock up and uh the steam cut it off and pause line two",
     {LOCK: {"locked": True}, VALVE: SHUT, CONV_B: STOP}),
    ("start conveyor A at 30 and conveyor B at 30", {CONV_A: {"running": True, "speed": 30.0},
                                                      CONV_B: {"running": True, "speed": 30.0}}),
    ("两台传送带都跑60转", {CONV_A: {"running": True, "speed": 60.0}, CONV_B: {"running": True, "speed": 60.0}}),
    ("一号线的烟排一下，中档", {FAN: {"power": True, "speed": "medium"}}),
    ("检修完了，蒸汽恢复到40%，冷却水打开25升，二号线产品跑80转",
     {VALVE: {"open": 40.0}, PUMP: {"running": True, "flow": 25.0}, CONV_B: {"running": True, "speed": 80.0}}),
    # over-refusals
    ("Pump off. Valve closed. Doing LOTO on B", {PUMP: STOP, VALVE: SHUT}),
    ("conveyor A off conveyor B on", {CONV_A: STOP, CONV_B: RUN}),
    ("一号传送带停一下，要挂锁", {CONV_A: STOP}),
    ("一号线停产，准备挂锁", {CONV_A: STOP}),
    ("二号线挂牌上锁：二号传送带停，冷却泵停，蒸汽阀关", {CONV_B: STOP, PUMP: STOP, VALVE: SHUT}),
    ("restart conveyor 2, back to 90 rpm like before", {CONV_B: {"running": True, "speed": 90.0}}),
    ("conveyor B max it out for the load test", {CONV_B: {"running": True, "speed": 120.0}}),
    ("run conveyor A slow, 10 rpm, tracking the belt", {CONV_A: {"running": True, "speed": 10.0}}),
    ("conveyor A 的 speed 调回 45", {CONV_A: {"speed": 45.0}}),
    ("the pump - turn it on and set it to 20? the cooling one i mean", {PUMP: {"running": True, "flow": 20.0}}),
])
def test_the_blind_lines(text: str, want: dict) -> None:
    assert understood(text) == want


# -- 1. a terse "<thing> going"; no terse item or change complement dropped as a situation -------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("coolant going, steam at 30%", {PUMP: RUN, VALVE: {"open": 30.0}}),
    ("coolant flowing and steam at 30%", {PUMP: RUN, VALVE: {"open": 30.0}}),
    ("fan going and conveyor a at 40 rpm", {FAN: {"power": True}, CONV_A: {"speed": 40.0}}),
    ("pump running, valve at half", {PUMP: RUN, VALVE: {"open": 50.0}}),
    ("fan going", {FAN: {"power": True}}),
    ("二号线：冷却水开起来，蒸汽开一半", {PUMP: RUN, VALVE: {"open": 50.0}}),
    # nearby asks keep their meaning: a report or a keep never starts anything
    ("conveyor b going too fast, drop it to 40 rpm", {CONV_B: {"speed": 40.0}}),
    ("conveyor b still going, stop it", {CONV_B: STOP}),
])
def test_a_terse_going_is_the_state_wanted(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "the coolant is going", "keep the fan going", "the pump has been going", "is the fan going",
    # a part nobody read is refused, never dropped as a situation
    "二号线：冷却水走起来，蒸汽开一半",
])
def test_no_report_starts_and_no_part_is_dropped(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("work", "terse"), [
    ("coolant going", True), ("line b: coolant going and steam at half", True), ("    going", True),
    ("pump running, valve at half", True), ("the coolant is going", False), ("keep the fan going", False),
    ("conveyor b still going", False), ("it's running", False), ("going too fast", False),
    ("conveyor b going, stop it", False), ("get the fan going", False)])
def test_terse_going_finds_only_terse_items(work: str, terse: bool) -> None:
    assert bool(terse_going(work)) is terse


# -- 2. a 把 clause is a command, never a remark; 产线 ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("一号线有烟，顺便把一号线产线停了", {FAN: {"power": True}, CONV_A: STOP}),
    ("把一号线的产线停了", {CONV_A: STOP}),
    ("二号线产线停一下", {CONV_B: STOP}),
    ("一号线有烟，顺便把二号线的冷却水停了", {FAN: {"power": True}, PUMP: STOP}),
    ("人都走了，把灯关了", LAMPS_OFF),  # a remark before the command stays a remark
])
def test_a_ba_clause_is_a_command(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["一号线有烟，顺便把包装机停了", "一号线有烟，顺便把三号线停了", "把产线停了"])
def test_a_ba_clause_nobody_can_read_refuses_the_ask(text: str) -> None:
    assert refused(text)


# -- 3. a 、-list of commands ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("二号线：冷却水停、蒸汽切断", {PUMP: STOP, VALVE: SHUT}),
    ("二号线检修：冷却水停、蒸汽切断、传送带停", {PUMP: STOP, VALVE: SHUT, CONV_B: STOP}),
    ("一号线收工：停产、排风关", {CONV_A: STOP, FAN: {"power": False}}),
    ("台灯关、顶灯开", {DESK: {"power": False}, CEILING: {"power": True}}),
    # a list of nouns keeps its one verb
    ("冷却水、蒸汽都关", {PUMP: STOP, VALVE: SHUT}),
    ("台灯、顶灯关掉", {DESK: {"power": False}, CEILING: {"power": False}}),
    ("二号线全部停掉：输送、冷却水、蒸汽都关", {CONV_B: STOP, PUMP: STOP, VALVE: SHUT}),
])
def test_a_list_of_commands_is_a_list_of_clauses(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("冷却水停、蒸汽切断", "冷却水停,蒸汽切断"), ("二号线:停产、排风关", "二号线:停产,排风关"),
    ("冷却水、蒸汽都关", "冷却水、蒸汽都关"), ("台灯、顶灯关掉", "台灯、顶灯关掉"), ("打开台灯", "打开台灯")])
def test_the_list_commas(text: str, want: str) -> None:
    assert commas_for_listed_commands(text) == want


# -- 4. an inclusion never bounds the ask -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "turn off all the lights including the warehouse", "all lights off, warehouse too",
    "all the lights off, and the warehouse one as well", "switch off every lamp, the one in the warehouse too",
    "turn every light off, the floodlight too",
    "所有灯都关掉，仓库的也关", "把灯全关了，仓库那盏也要关", "灯全部关掉，仓库的也是", "灯全关了，仓库那盏也关"])
def test_an_included_place_is_included(text: str) -> None:
    assert understood(text) == LAMPS_OFF  # (把灯全关了，仓库那盏也要关 had also silenced the yard siren)


@pytest.mark.parametrize(("text", "want"), [
    ("stop all conveyors, the line b one too", {CONV_A: STOP, CONV_B: STOP}),
    ("lock up and turn all the lights off, the warehouse too", _both(LAMPS_OFF, {LOCK: {"locked": True}})),
])
def test_an_included_place_of_other_kinds(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["all lights off, the warehouse one on too", "所有灯都关掉，仓库的也打开"])
def test_an_inclusion_that_goes_the_other_way_is_refused(text: str) -> None:
    assert refused(text)


def test_the_inclusion_split() -> None:
    assert split_inclusion(normalize("turn every light off, the warehouse one too")) == \
        ("turn every light off", "the warehouse one too")
    assert split_inclusion(normalize("turn off the desk lamp, the warehouse one too")) is None  # no all-word
    assert split_inclusion(normalize("all lights off, the warehouse one at 40 too")) is None  # a value of its own


# -- 5. a withdrawn name, a clarification ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("the desk lamp, no, the ceiling lamp, turn it off", {CEILING: {"power": False}}),
    ("the desk lamp sorry the ceiling lamp turn it off", {CEILING: {"power": False}}),
    ("the steam valve no sorry the pump turn it off", {PUMP: STOP}),
    ("the pump, no, the steam valve, close it", {VALVE: SHUT}),
    ("台灯不对，顶灯关掉", {CEILING: {"power": False}}),
    ("台灯哦不顶灯关了", {CEILING: {"power": False}}),
    ("台灯不对，顶灯打开", {CEILING: {"power": True}}),
    ("水泵不对，蒸汽阀关上", {VALVE: SHUT}),
    ("水泵开一下，我是说冷却泵", {PUMP: RUN}),
    # an apology before "and …" adds, it takes nothing back; the earlier corrections keep their meaning
    ("the desk lamp, sorry, and the ceiling lamp, turn them off", {DESK: {"power": False}, CEILING: {"power": False}}),
    ("turn on the ceiling lamp, i mean the desk lamp", {DESK: {"power": True}}),
    ("set the office AC to 23, sorry no, 21 degrees", {"hvac-office": {"setpoint": 21.0}}),
])
def test_a_withdrawn_name_is_never_acted_on(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["the desk lamp no sorry the ceiling lamp", "the lamp - turn it off, the desk one i mean"])
def test_a_correction_that_says_nothing_else_is_refused(text: str) -> None:
    assert refused(text)


# -- 6. a kind's own verb on a place --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("pause line two", {CONV_B: STOP}), ("pause line b", {CONV_B: STOP}), ("freeze line b", {CONV_B: STOP}),
    ("pause line one", {CONV_A: STOP}), ("pause line a", {CONV_A: STOP}), ("二号线暂停", {CONV_B: STOP}), ("二号线暂停一下", {CONV_B: STOP}),
    ("lock up and pause line two", {LOCK: {"locked": True}, CONV_B: STOP}),
    # a plain verb stops the place's every switch, as before
    ("stop line two", {CONV_B: STOP, PUMP: STOP}),
])
def test_a_kinds_own_verb_on_a_place(text: str, want: dict) -> None:
    assert understood(text) == want


# -- 7. a shared verb, 跑 + a rate, 烟排一下 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("start conveyor A at 30, conveyor B at 40", {CONV_A: {"running": True, "speed": 30.0},
                                                   CONV_B: {"running": True, "speed": 40.0}}),
    ("start conveyor b at 50 and conveyor a at 60", {CONV_B: {"running": True, "speed": 50.0},
                                                     CONV_A: {"running": True, "speed": 60.0}}),
    ("一号传送带启动60转，二号传送带70转", {CONV_A: {"running": True, "speed": 60.0},
                                       CONV_B: {"running": True, "speed": 70.0}}),
    ("启动一号传送带30转，二号传送带40转", {CONV_A: {"running": True, "speed": 30.0},
                                       CONV_B: {"running": True, "speed": 40.0}}),
    # a clause of another shape, or with a verb of its own, keeps its value alone
    ("start conveyor A at 30 and the pump at 20", {CONV_A: {"running": True, "speed": 30.0}, PUMP: {"flow": 20.0}}),
    ("start conveyor a at 30 and set conveyor b to 40", {CONV_A: {"running": True, "speed": 30.0},
                                                         CONV_B: {"speed": 40.0}}),
    ("一号传送带启动60转，二号传送带调到70转", {CONV_A: {"running": True, "speed": 60.0}, CONV_B: {"speed": 70.0}}),
    ("stop conveyor a and set conveyor b to 40", {CONV_A: STOP, CONV_B: {"speed": 40.0}}),
    # 跑 + a rate runs it; a pace complaint beside it says it runs already
    ("两条传送带都跑40转", {CONV_A: {"running": True, "speed": 40.0}, CONV_B: {"running": True, "speed": 40.0}}),
    ("二号传送带跑70转", {CONV_B: {"running": True, "speed": 70.0}}),
    ("一号传送带按五十转跑", {CONV_A: {"running": True, "speed": 50.0}}),
    ("二号传送带太快了，跑60转就行", {CONV_B: {"speed": 60.0}}),
    # 排烟 said object first
    ("把一号线的烟排掉", {FAN: {"power": True}}),
    ("一号线的烟排一下", {FAN: {"power": True}}),
    ("一号线烟排出去，开高档", {FAN: {"power": True, "speed": "high"}}),
])
def test_shared_verbs_and_run_words(text: str, want: dict) -> None:
    assert understood(text) == want


def test_a_negated_run_is_refused() -> None:
    assert refused("二号传送带别跑60转")


# -- 8. an ordinal after a place is no value --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("二号线：二号传送带停", {CONV_B: STOP}), ("二号线：2号传送带停", {CONV_B: STOP}),
    ("二号线：二号传送带停，冷却泵停，蒸汽阀关", {CONV_B: STOP, PUMP: STOP, VALVE: SHUT}),
    ("二号线：2号传送带调到40转", {CONV_B: {"speed": 40.0}}), ("line 2: conveyor 2 stop", {CONV_B: STOP})])
def test_an_ordinal_after_a_place_is_no_value(text: str, want: dict) -> None:
    assert understood(text) == want  # (二号线：二号传送带停 had set the speed to 2)


# -- 9. run-on items --------------------------------------------------------------------------------------------------------
_EN = {DESK: "desk lamp", CEILING: "ceiling lamp", FLOOD: "floodlight", CONV_A: "conveyor a", CONV_B: "conveyor b",
       PUMP: "cooling pump", FAN: "exhaust fan", SIREN: "yard siren"}
_ZH = {DESK: "台灯", CEILING: "顶灯", FLOOD: "探照灯", CONV_A: "A线传送带", CONV_B: "B线传送带", PUMP: "冷却泵",
       FAN: "排风扇", SIREN: "警笛"}
_SWITCH = {DESK: "power", CEILING: "power", FLOOD: "power", CONV_A: "running", CONV_B: "running", PUMP: "running",
           FAN: "power", SIREN: "active"}
_WORDS = {("en", True): ["on", "start"], ("en", False): ["off", "stop"],
          ("zh", True): ["打开", "开"], ("zh", False): ["关掉", "关", "停"]}


@settings(max_examples=150, deadline=None)
@given(pair=st.sampled_from(list(itertools.permutations(_EN, 2))), lang=st.sampled_from(["en", "zh"]),
       first=st.booleans(), second=st.booleans(), pick=st.tuples(st.integers(0, 2), st.integers(0, 2)))
def test_run_on_items_each_go_their_own_way(pair, lang, first, second, pick) -> None:
    """"X <state> Y <state>" with no separator, any two switchable devices, both languages: each device gets its own
    item's state (never the other's: "desk lamp on ceiling lamp off" had switched both off)."""
    a, b = pair
    names = _EN if lang == "en" else _ZH
    w1 = _WORDS[(lang, first)][pick[0] % len(_WORDS[(lang, first)])]
    w2 = _WORDS[(lang, second)][pick[1] % len(_WORDS[(lang, second)])]
    text = f"{names[a]} {w1} {names[b]} {w2}" if lang == "en" else f"{names[a]}{w1}{names[b]}{w2}"
    got = understood(text)
    assert set(got) == {a, b}, text
    assert got[a][_SWITCH[a]] is first and got[b][_SWITCH[b]] is second, text


@pytest.mark.parametrize(("text", "want"), [
    ("coolant off steam off", {PUMP: STOP, VALVE: SHUT}), ("冷却水停蒸汽切断", {PUMP: STOP, VALVE: SHUT}),
    ("二号线冷却水停蒸汽关", {PUMP: STOP, VALVE: SHUT}), ("pump off valve closed", {PUMP: STOP, VALVE: SHUT}),
    ("一号传送带停二号传送带开", {CONV_A: STOP, CONV_B: RUN}),
    ("turn the fan on line a off", {FAN: {"power": False}}),  # a place after "on" is no item
])
def test_run_on_things_and_ordinals(text: str, want: dict) -> None:
    assert understood(text) == want


def test_the_run_on_split() -> None:
    vocab = ASSISTANT.rules.vocab
    assert split_run_ons("conveyor a off conveyor b on", vocab) == "conveyor a off, conveyor b on"
    assert split_run_ons("turn the fan on line a off", vocab) == "turn the fan on line a off"
    assert split_run_ons("coolant off steam off", vocab, ASSISTANT.thing_words) == "coolant off, steam off"
    assert split_run_ons("coolant off steam off", vocab) == "coolant off steam off"  # things only when given


# -- over-refusals: LOTO, sentence-end items, like before, a test, slow, 调回 -------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("stop the pump, doing loto on line b", {PUMP: STOP}),
    ("loto on line b: conveyor b off, pump off", {CONV_B: STOP, PUMP: STOP}),
    ("stop conveyor b, we're doing lockout tagout", {CONV_B: STOP}),
    ("stop conveyor b for loto", {CONV_B: STOP}),
    ("停二号传送带，挂牌上锁", {CONV_B: STOP}),
    ("二号线挂锁：冷却水停、蒸汽切断", {PUMP: STOP, VALVE: SHUT}),
    ("Pump off. Valve closed.", {PUMP: STOP, VALVE: SHUT}),
    ("valve closed. pump off.", {VALVE: SHUT, PUMP: STOP}),
    ("set the AC to 22 like before", {"hvac-office": {"setpoint": 22.0}}),
    ("二号传送带重启，跟之前一样90转", {CONV_B: {"running": True, "speed": 90.0}}),
    ("restart conveyor 2, same as before, 90 rpm", {CONV_B: {"running": True, "speed": 90.0}}),
    ("conveyor a max it out for the stress test", {CONV_A: {"running": True, "speed": 120.0}}),
    ("二号传送带开到最大，做负载测试", {CONV_B: {"running": True, "speed": 120.0}}),
    ("run conveyor a at 100 rpm for the load test", {CONV_A: {"running": True, "speed": 100.0}}),
    ("start conveyor b slow, 20 rpm", {CONV_B: {"running": True, "speed": 20.0}}),
    ("run the fan slow", {FAN: {"power": True, "speed": "low"}}),
    ("传送带A的速度调回45", {CONV_A: {"speed": 45.0}}), ("二号传送带速度调回45", {CONV_B: {"speed": 45.0}}),
    ("pump 的 flow 调回 20", {PUMP: {"flow": 20.0}}), ("台灯亮度改回50", {DESK: {"level": 50.0}}),
    ("空调温度调回24", {"hvac-office": {"setpoint": 24.0}}),
    # the lock's own words stay the lock
    ("大门挂锁", {LOCK: {"locked": True}}), ("二号线挂锁，把大门锁上", {LOCK: {"locked": True}}),
])
def test_reasons_and_manners_are_no_refusal(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "二号线挂锁",  # only the procedure: a conveyor cannot be locked
    "lock out conveyor b", "restart conveyor 2 before the shift", "stop the pump as before the shift",
    "run conveyor a slow",  # no rate said: a conveyor has no "low"
])
def test_what_stays_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("二号线挂锁：停产、冷却水", "二号线:停产、冷却水"), ("一号传送带停一下,要挂锁", "一号传送带停一下"),
    ("pump off. valve closed. doing loto on b", "pump off. valve closed"), ("二号线挂锁", "二号线挂锁"),
    ("大门挂锁", "大门挂锁"), ("把大门挂锁,灯关掉", "把大门挂锁,灯关掉"),
    ("lock out tag out on line b: stop the pump", "line b: stop the pump")])
def test_the_lockout_reasons(text: str, want: str) -> None:
    assert drop_lockout(normalize(text)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("restart conveyor 2, back to 90 rpm like before", "restart conveyor 2, back to 90 rpm"),
    ("conveyor b max it out for the load test", "conveyor b max it out"),
    ("stop the pump before lunch", "stop the pump before lunch"),
    ("stop the pump as before the shift", "stop the pump as before the shift")])
def test_the_as_before_phrases(text: str, want: str) -> None:
    assert drop_as_before(text) == want
