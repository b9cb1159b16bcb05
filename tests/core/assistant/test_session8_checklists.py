"""Session 8: numbered checklists read out as one ask (held-out 29; checklists.py).

"1. conveyor A stop 2. valve shut 3. siren off" had been refused ("What does 1, 2, 3 refer to?") and, worse,
"1. floodlight off 2. yard siren off 3. main entrance lock locked" proposed only the siren: a silent drop.  Now the
item markers ("1." "2)" "(3)" "Item 4:" "Step 2 -" "第一项" "一、" "1、" "①", after an optional heading such as
Checklist: / 清单：) split the ask into items, each read on its own; all must be understood or the whole ask is refused
naming the item; the item numbers are never values, a value inside an item stays.  "production line A" is line A's
conveyor (ordinals.py), a checklist item that is a target state ("office blinds closed") is the command.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.checklists import checklist_words, split_checklist, state_command
from console.core.assistant.proposal import build_proposal
from tests.core.assistant.helpers import ASSISTANT, FLEET, refused
from tests.core.assistant.helpers import understood as got

BY_ID = FLEET.by_id()


# -- the held-out 29 asks of the class ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("1. conveyor A stop 2. valve shut 3. siren off",
     {"conveyor-a": {"running": False}, "valve-steam": {"open": 0.0}, "siren-yard": {"active": False}}),
    ("Checklist: 1. cooling pump start 2. conveyor B start 3. floodlight on",
     {"pump-cooling": {"running": True}, "conveyor-b": {"running": True}, "lamp-warehouse": {"power": True}}),
    ("Item 4: office AC off. Item 5: office blinds closed.",
     {"hvac-office": {"power": False}, "blinds-office": {"position": 0.0}}),
    ("1. floodlight off 2. yard siren off 3. main entrance lock locked",
     {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}, "lock-main-door": {"locked": True}}),
    ("清单：1. 停一号传送带 2. 关蒸汽阀 3. 关警报器",
     {"conveyor-a": {"running": False}, "valve-steam": {"open": 0.0}, "siren-yard": {"active": False}}),
    ("1. production line A stop 2. steam cut off 3. coolant off",
     {"conveyor-a": {"running": False}, "valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
    ("Checklist: 1. office lights off 2. office cooling off 3. entrance secured",
     {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}, "hvac-office": {"power": False},
      "lock-main-door": {"locked": True}}),
    ("清单：1. 停二号线生产 2. 切断蒸汽 3. 停冷却水",
     {"conveyor-b": {"running": False}, "valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
])
def test_heldout29_checklists(text: str, want: dict) -> None:
    assert got(text) == want


# -- every marker style, a value inside an item stays ---------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("1) floodlight on 2) siren off", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("(1) floodlight on (2) siren off", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("Step 1 - floodlight on. Step 2 - siren off", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("Step one: floodlight on. Step two: siren off.", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("第一项：打开探照灯 第二项：关警报器", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("一、打开探照灯；二、关警报器", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("1、打开探照灯 2、关警报器", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("①打开探照灯 ②关警报器", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("清单：第一步 停一号传送带 第二步 关蒸汽阀", {"conveyor-a": {"running": False}, "valve-steam": {"open": 0.0}}),
    ("1. AC to 22 2. desk lamp off", {"hvac-office": {"setpoint": 22.0}, "lamp-office-2": {"power": False}}),
    ("1. set the office AC to 22. 2. desk lamp off", {"hvac-office": {"setpoint": 22.0}, "lamp-office-2": {"power": False}}),
    ("1. turn on lamp 2 2. turn off lamp 1", {"lamp-office-2": {"power": True}, "lamp-office-1": {"power": False}}),
    ("1. valve 50% 2. pump 20 l/min", {"valve-steam": {"open": 50.0}, "pump-cooling": {"flow": 20.0}}),
    ("To-do: 1) AC on 2) AC to 22", {"hvac-office": {"power": True, "setpoint": 22.0}}),
    ("1. conveyor 1 stop 2. conveyor 2 start", {"conveyor-a": {"running": False}, "conveyor-b": {"running": True}}),
    ("1. unlock the main entrance 2. open the office blinds",
     {"lock-main-door": {"locked": False}, "blinds-office": {"position": 100.0}}),
])
def test_marker_styles_and_values(text: str, want: dict) -> None:
    assert got(text) == want


# -- nearby asks keep their meaning ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("set the office AC to 22. desk lamp off", {"hvac-office": {"setpoint": 22.0}, "lamp-office-2": {"power": False}}),
    ("stop conveyor 1 and 2", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("set the valve to 40%. siren off", {"valve-steam": {"open": 40.0}, "siren-yard": {"active": False}}),
    ("valve shut", {"valve-steam": {"open": 0.0}}),
    ("entrance secured", {"lock-main-door": {"locked": True}}),
    ("main entrance secured", {"lock-main-door": {"locked": True}}),
    ("production line A stop", {"conveyor-a": {"running": False}}),
    ("stop production line b", {"conveyor-b": {"running": False}}),
    ("start production line A", {"conveyor-a": {"running": True}}),
    ("stop production line 2", {"conveyor-b": {"running": False}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "set the office AC to 22. desk lamp off", "stop conveyor 1 and 2", "conveyor 1 and 2 stop", "set the valve to 1. 2",
    "Conveyor 1: stop. Conveyor 2: start.", "1.5 degrees warmer", "turn on lamp 2", "lamp 1 on", "1. lamp off",
    "No. 1 conveyor stop 2. valve shut",
])
def test_no_checklist_without_a_leading_marker_and_a_next_one(text: str) -> None:
    assert split_checklist(text) is None
    assert checklist_words(text) == text


def test_split_checklist_items_and_headings() -> None:
    assert split_checklist("Checklist: 1. office lights off 2. office cooling off 3. entrance secured") == \
        ("", ["office lights off", "office cooling off", "entrance secured"])
    assert split_checklist("Item 4: office AC off. Item 5: office blinds closed.") == \
        ("", ["office AC off", "office blinds closed"])
    assert split_checklist("1. AC to 22 2. desk lamp off") == ("", ["AC to 22", "desk lamp off"])
    assert split_checklist("1. set AC to 22. Lamp off 2. valve shut") == ("", ["set AC to 22. Lamp off", "valve shut"])
    assert split_checklist("清单：1. 停一号传送带 2. 关蒸汽阀") == ("", ["停一号传送带", "关蒸汽阀"])
    assert split_checklist("Closing up: 1. lights off 2. AC off") == ("Closing up", ["lights off", "AC off"])
    assert checklist_words("1. floodlight off 2. siren on") == "floodlight off; siren on"


@pytest.mark.parametrize("item, cmd", [
    ("office blinds closed", "close the office blinds"), ("main entrance lock locked", "lock the main entrance lock"),
    ("conveyor b stopped", "stop the conveyor b"), ("the valve is closed", None), ("floodlight on", None),
    ("it is locked", None),
])
def test_a_target_state_item_is_its_command(item: str, cmd: str | None) -> None:
    assert state_command(item) == cmd


# -- harmful variants: refused whole --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "To do: 1. floodlight on 2. fix the printer",
    "1. floodlight on 2. turn on the coffee machine 3. siren off",
    "清单：1. 打开探照灯 2. 打开冰箱",
    "1. floodlight on 2. floodlight off",  # two items against each other
    "1. floodlight on 2. siren off tomorrow",  # a schedule in one item
    "Tonight: 1. floodlight off 2. siren off",  # a schedule in the heading
    "1. floodlight on 2. don't sound the siren",  # a negation
    "1. open the valve 2. stop the pump if the valve is open",  # a condition
    "1. the valve is closed 2. siren off",  # a report, not a to-do
    "1. floodlight on 3. siren off",  # numbering that skips: the numbers stay unread, refused
    "1. AC on 2. set it to 22",  # "it" of another item: never guessed
])
def test_a_list_with_an_item_not_understood_is_refused_whole(text: str) -> None:
    assert refused(text), text


def test_the_refusal_names_the_item() -> None:
    prop = ASSISTANT.understand("To do: 1. floodlight on 2. fix the printer")
    assert prop.refusal is not None and "fix the printer" in prop.refusal.reason


def test_the_direction_check_binds_each_item() -> None:
    """The gate reads the items as clauses: a floodlight switched ON for "1. floodlight off 2. siren on" is caught."""
    text = "1. floodlight off 2. yard siren on"
    wrong = build_proposal(text, "en", {"lamp-warehouse": {"power": True}, "siren-yard": {"active": True}}, set(),
                           by_id=BY_ID, aliases=ASSISTANT.aliases, max_commands=50)
    assert ASSISTANT.direction_problem(text, wrong) is not None
    right = ASSISTANT.understand(text)
    assert right.ok and ASSISTANT.direction_problem(text, right) is None


# -- a property: any list of 2–4 fleet commands, any marker style, either language ---------------------------------
POOL = {
    "lamp-office-1": [("ceiling lamp on", {"power": True}), ("turn off the ceiling lamp", {"power": False}),
                      ("打开吊灯", {"power": True}), ("关掉顶灯", {"power": False}), ("ceiling lamp to 40%", {"level": 40})],
    "lamp-office-2": [("desk lamp off", {"power": False}), ("打开台灯", {"power": True}), ("台灯调到百分之三十", {"level": 30})],
    "lamp-warehouse": [("floodlight on", {"power": True}), ("floodlight off", {"power": False}), ("关探照灯", {"power": False})],
    "hvac-office": [("office AC off", {"power": False}), ("set the office AC to 22", {"setpoint": 22}),
                    ("把办公室空调关掉", {"power": False}), ("办公室空调调到26度", {"setpoint": 26})],
    "fan-line-a": [("exhaust fan on", {"power": True}), ("关排风扇", {"power": False})],
    "conveyor-a": [("conveyor A stop", {"running": False}), ("停一号传送带", {"running": False}),
                   ("production line A stop", {"running": False}), ("start conveyor A", {"running": True})],
    "conveyor-b": [("conveyor B start", {"running": True}), ("启动B线传送带", {"running": True}),
                   ("停二号线生产", {"running": False}), ("conveyor B to 40 rpm", {"speed": 40})],
    "pump-cooling": [("cooling pump start", {"running": True}), ("停冷却水", {"running": False}),
                     ("coolant off", {"running": False})],
    "valve-steam": [("valve shut", {"open": 0}), ("关蒸汽阀", {"open": 0}), ("steam cut off", {"open": 0}),
                    ("steam valve to 30%", {"open": 30}), ("切断蒸汽", {"open": 0})],
    "lock-main-door": [("entrance secured", {"locked": True}), ("lock the main door", {"locked": True}),
                       ("锁上大门", {"locked": True}), ("main entrance lock locked", {"locked": True})],
    "siren-yard": [("siren off", {"active": False}), ("关警报器", {"active": False}), ("yard siren off", {"active": False})],
    "blinds-office": [("open the office blinds", {"position": 100}), ("把办公室百叶窗放下来", {"position": 0}),
                      ("office blinds closed", {"position": 0})],
}
_ZH = "一二三四五六七八九"
MARKERS = [
    lambda n: f"{n}. ", lambda n: f"{n}) ", lambda n: f"({n}) ", lambda n: f"Item {n}: ", lambda n: f"Step {n} - ",
    lambda n: f"{n}、", lambda n: f"{_ZH[n - 1]}、", lambda n: f"第{_ZH[n - 1]}项：", lambda n: chr(0x2460 + n - 1),
    lambda n: f"第{n}步 ",
]
HEADINGS = ["", "Checklist: ", "To do: ", "清单：", "待办："]
SEPARATORS = [" ", "; ", ". ", "；", "。"]
UNKNOWN = ["fix the printer", "turn on the coffee machine", "打开冰箱", "water the plants", "reboot the server"]


def _as_float(d: dict) -> dict:
    return {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in d.items()}


@st.composite
def checklists(draw):
    devices = draw(st.lists(st.sampled_from(sorted(POOL)), min_size=2, max_size=4, unique=True))
    items = [draw(st.sampled_from(POOL[d])) for d in devices]
    marker = draw(st.sampled_from(MARKERS))
    first = draw(st.sampled_from([1, 1, 1, 2, 4]))
    sep = draw(st.sampled_from(SEPARATORS))
    text = draw(st.sampled_from(HEADINGS)) + sep.join(f"{marker(first + i)}{t}" for i, (t, _) in enumerate(items))
    want = {d: _as_float(p) for d, (_, p) in zip(devices, items)}
    return text, want


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(checklists())
def test_a_checklist_is_exactly_the_union_of_its_items(case) -> None:
    text, want = case
    assert got(text) == want


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(checklists(), st.sampled_from(UNKNOWN), st.integers(min_value=0, max_value=4))
def test_a_checklist_with_one_unknown_item_is_refused_whole(case, unknown: str, at: int) -> None:
    text, _ = case
    found = split_checklist(text)
    assert found is not None
    items = found[1]
    items.insert(min(at, len(items)), unknown)
    listed = " ".join(f"{i + 1}. {t}" for i, t in enumerate(items))
    assert refused(listed), listed
    prop = ASSISTANT.understand(listed)
    assert unknown in prop.refusal.reason
