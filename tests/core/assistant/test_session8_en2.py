"""Session 8 (en 2): held-out 28/29 misses fixed as classes.

1. A number or letter naming no device of its kind ("conveyor C" with conveyors A and B, "the second pump" with one
   pump, 三号传送带) is refused before any layer is offered a device (absent_ordinals.py): the bundled model had
   picked conveyor A for "turn on conveyor C".
2. Parts of the day said the way people talk ("this arvo", "tonite", "at sunset", 黄昏, 下周 …) are schedules
   (day_parts.py, one more alternative of screening.SCHEDULE): "Sound the yard siren this arvo" had sounded it now.
3. "a hundred and ten", "one hundred twenty" are one number (numbers.py), never "a hundred" and a clause "ten".
4. A situation clause with no word of a way ("can't see in the warehouse") binds its devices to its kind's default
   way, never to the next clause's "silence" (layers._ways_now).
5. "do the needful and …" is a lead-in; engage / disengage a lock lock / unlock it; "the main entrance lock and
   open …" is no "lock and open"; "open up for <people>" lets them in.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.absent_ordinals import AbsentOrdinals
from console.core.assistant.aliases import default_aliases
from console.core.assistant.delays import delay_in
from console.core.assistant.layers import Assistant
from console.core.assistant.numbers import NUMBER_WORDS, english_number
from console.core.assistant.screening import schedule_in
from console.core.fleet.catalog import Fleet, load_fleet
from tests.core.assistant.helpers import PARSER

FLEET = load_fleet()
ALIASES = default_aliases()
OFFERED: list[list[str]] = []


def _chooser(_utterance: str, options: list[str]) -> int:
    OFFERED.append(list(options))
    return 0  # a model that always picks the first: it must never be asked about a device the fleet lacks


DEMO = Assistant(FLEET, ALIASES, chooser=_chooser)


def got(text: str, a: Assistant = DEMO) -> dict[str, dict]:
    """{device: params} (numbers as floats); fails on a refusal or a direction problem."""
    prop = a.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    assert a.direction_problem(text, prop) is None, text
    return {c.device_id: {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                          for k, v in c.params.items()} for c in prop.commands}


def refused_unoffered(text: str, a: Assistant = DEMO) -> str:
    """The refusal kind of ``text``; fails when anything is proposed or the model was offered a choice."""
    OFFERED.clear()
    prop = a.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])
    assert OFFERED == [], (text, OFFERED)
    return prop.refusal.kind


# -- the held-out asks ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("set line A conveyor speed to a hundred and ten", {"conveyor-a": {"speed": 110.0}}),
    ("line B production speed to a hundred and twenty", {"conveyor-b": {"speed": 120.0}}),
    ("can't see in the warehouse and silence the yard",
     {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}),
    ("Please do the needful and stop the Line B conveyor.", {"conveyor-b": {"running": False}}),
    ("Engage the main entrance lock, please.", {"lock-main-door": {"locked": True}}),
    ("Kindly unlock the main entrance lock and open the office blinds.",
     {"lock-main-door": {"locked": False}, "blinds-office": {"position": 100.0}}),
    ("Open up for the staff at the entrance, cheers.", {"lock-main-door": {"locked": False}}),
])
def test_heldout_asks(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", ["turn on conveyor C", "Sound the yard siren this arvo for the drill."])
def test_heldout_harmful_asks_are_refused_before_the_model(text: str) -> None:
    refused_unoffered(text)


# -- 1. a number or letter naming no device of its kind ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "turn on conveyor C", "start conveyor c please", "Conveyor D on", "start the third conveyor",
    "start conveyor number three", "turn on conveyor 3", "stop conveyor 3, and close the valve", "start belt c",
    "start the third production line", "start pump 2", "start the second pump", "start pump number two",
    "turn on the second siren", "turn on fan b", "start the second fan", "turn on lamp 3", "turn on the fourth light",
    "set fan 2 to high", "set conveyor 3 to 40 rpm",
    "启动三号传送带", "启动第三条传送带", "启动传送带C", "启动C号传送带", "打开二号水泵", "打开2号泵", "打开第二台风扇",
])
def test_an_ordinal_or_letter_the_fleet_lacks_is_refused_never_offered(text: str) -> None:
    assert refused_unoffered(text) == "unknown_device"


@pytest.mark.parametrize("text, want", [
    ("turn on conveyor A", {"conveyor-a": {"running": True}}),
    ("start conveyor b", {"conveyor-b": {"running": True}}),
    ("start the second conveyor", {"conveyor-b": {"running": True}}),
    ("start conveyor number two", {"conveyor-b": {"running": True}}),
    ("start the first pump", {"pump-cooling": {"running": True}}),
    ("turn on lamp 2", {"lamp-office-2": {"power": True}}),
    ("turn on the first light", {"lamp-office-1": {"power": True}}),
    ("start conveyors 1 and 2", {"conveyor-a": {"running": True}, "conveyor-b": {"running": True}}),
    ("启动一号和二号传送带", {"conveyor-a": {"running": True}, "conveyor-b": {"running": True}}),
    ("启动B线传送带", {"conveyor-b": {"running": True}}),
    ("启动二号传送带", {"conveyor-b": {"running": True}}),
    ("set conveyor b speed to 3 rpm", {"conveyor-b": {"speed": 3.0}}),
    ("open the valve 3 percent", {"valve-steam": {"open": 3.0}}),
    ("turn on the exhaust fan", {"fan-line-a": {"power": True}}),
])
def test_names_the_fleet_has_keep_their_meaning(text: str, want: dict) -> None:
    assert got(text) == want


def test_absent_ordinals_leave_values_and_articles_alone() -> None:
    table = AbsentOrdinals(FLEET.devices, ALIASES.kinds, DEMO.ordinals.by_kind)
    for text in ("dim the lamp a bit", "turn the fan 2 notches up", "set the valve to 5 percent", "lamp 2 on",
                 "conveyor b stop", "set conveyor b to 3 rpm", "the first pump", "turn the lights on one at a time"):
        assert table.absent(text) is None, text
    assert table.absent("conveyor c on") == "conveyor c"
    assert table.absent("the second pump") == "second pump"


_LETTER = "abcd"
_ORD = ["first", "second", "third", "fourth"]
_ZH = "一二三四"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(keep=st.sets(st.sampled_from(["conveyor-a", "conveyor-b", "pump-cooling", "lamp-office-1", "valve-steam"]),
                    min_size=1),
       n=st.integers(min_value=1, max_value=4), form=st.integers(min_value=0, max_value=3))
def test_property_conveyor_numbers_on_any_subset_of_the_fleet(keep: set, n: int, form: int) -> None:
    """On a fleet of any subset of the demo's devices, a conveyor named by number or letter is that conveyor when
    the fleet has it, else refused before any layer, the model never offered a choice."""
    fleet = Fleet("subset", tuple(m for m in FLEET.devices if m.id in keep), FLEET.semantics)
    a = Assistant(fleet, ALIASES, chooser=_chooser)
    if form == 0 and n == 1:
        form = 1  # "conveyor a": the letter a is read as the name, not checked here
    text = [f"start conveyor {_LETTER[n - 1]}", f"start the {_ORD[n - 1]} conveyor",
            f"start conveyor number {n}", f"启动{_ZH[n - 1]}号传送带"][form]
    dev = f"conveyor-{_LETTER[n - 1]}"
    if dev in keep:
        assert got(text, a) == {dev: {"running": True}}
    else:
        refused_unoffered(text, a)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=2, max_value=4), zh=st.booleans())
def test_property_a_second_pump_of_a_fleet_with_one_is_refused(n: int, zh: bool) -> None:
    text = f"打开{_ZH[n - 1]}号水泵" if zh else f"start the {_ORD[n - 1]} pump"
    refused_unoffered(text)


# -- 2. parts of the day are schedules -----------------------------------------------------------------------------
WHEN = ["this arvo", "in the arvo", "tomorrow arvo", "this avo", "tonite", "this eve", "this pm", "come morning",
        "at sunset", "at sunrise", "at daybreak", "after dark", "at first light", "by nightfall",
        "in the small hours", "out of hours", "sometime today", "every morning", "each evening", "nightly",
        "mid-afternoon", "this afternoon", "tonight", "tomorrow", "later today", "after lunch", "at noon"]
WHEN_ZH = ["午后", "黄昏", "早晨", "清晨", "夜间", "天黑以后", "日落时", "下周", "周末", "月底", "今晚", "下午", "明天"]
ASKS = ["sound the yard siren", "start conveyor A", "open the office blinds", "unlock the main entrance",
        "switch on the floodlight", "set the office ac to 22 degrees"]
ASKS_ZH = ["拉响院子警报器", "启动A线传送带", "打开办公室百叶窗", "打开探照灯", "把办公室空调设为22度"]


@pytest.mark.parametrize("when", WHEN)
def test_english_parts_of_the_day_are_schedules(when: str) -> None:
    assert schedule_in(when) is not None or delay_in(when) is not None  # a time of day, or a delay (delays.py)
    for ask in (f"{ask} {when}" for ask in ASKS[:2]):
        refused_unoffered(ask)


@pytest.mark.parametrize("when", WHEN_ZH)
def test_chinese_parts_of_the_day_are_schedules(when: str) -> None:
    refused_unoffered(f"{when}{ASKS_ZH[0]}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zh=st.booleans(), before=st.booleans(), data=st.data())
def test_property_a_part_of_the_day_is_never_now(zh: bool, before: bool, data) -> None:
    """Any command, any part of the day, before or after it, either language: refused by the rules alone and by
    every layer (nothing offered to the model)."""
    when = data.draw(st.sampled_from(WHEN_ZH if zh else WHEN))
    ask = data.draw(st.sampled_from(ASKS_ZH if zh else ASKS))
    sep = "" if zh else " "
    text = f"{when}{sep}{ask}" if before else f"{ask}{sep}{when}"
    assert PARSER.parse(text).refusal is not None, text
    refused_unoffered(text)


def test_this_mornings_batch_is_refused_as_unsure() -> None:
    """Decided: "this morning" may say when; refusing is the safe reading."""
    refused_unoffered("this morning's batch is late, start conveyor A")


@pytest.mark.parametrize("text, want", [
    ("it's dark in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("We are loading a truck in the dark, switch on the warehouse floodlight", {"lamp-warehouse": {"power": True}}),
    ("let the daylight in", {"blinds-office": {"position": 100.0}}),
    ("Turn off the office air conditioner, nobody's in there today.", {"hvac-office": {"power": False}}),
    ("天黑了，打开探照灯", {"lamp-warehouse": {"power": True}}),
    ("仓库泛光灯关了吧，天亮了", {"lamp-warehouse": {"power": False}}),
    ("morning, lights on in the office please", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_states_and_greetings_are_not_schedules(text: str, want: dict) -> None:
    assert got(text) == want


# -- 3. a hundred and N ---------------------------------------------------------------------------------------------
_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    return _ONES[n] if n < 20 else _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")


@given(n=st.integers(min_value=100, max_value=199), lead=st.sampled_from(["a", "one"]), join=st.booleans())
def test_property_hundreds_in_words(n: int, lead: str, join: bool) -> None:
    text = f"{lead} hundred" + (f"{' and' if join else ''} {_words(n - 100)}" if n > 100 else "")
    m = NUMBER_WORDS.fullmatch(text)
    assert m is not None and english_number(m) == n, text


@pytest.mark.parametrize("text, want", [
    ("set conveyor b to one hundred twenty rpm", {"conveyor-b": {"speed": 120.0}}),
    ("set conveyor a speed to a hundred and five", {"conveyor-a": {"speed": 105.0}}),
    ("set conveyor b to a hundred rpm", {"conveyor-b": {"speed": 100.0}}),
    ("set conveyor a to a hundred and ten and conveyor b to ninety",
     {"conveyor-a": {"speed": 110.0}, "conveyor-b": {"speed": 90.0}}),
    # "and" before a verb still joins two clauses
    ("set conveyor a to a hundred and start the exhaust fan",
     {"conveyor-a": {"speed": 100.0}, "fan-line-a": {"power": True}}),
])
def test_hundreds_in_asks(text: str, want: dict) -> None:
    assert got(text) == want


def test_a_hundred_and_more_is_never_clamped_to_a_hundred() -> None:
    prop = DEMO.understand("open the steam valve to a hundred and twenty percent")
    assert prop.refusal is not None and not prop.commands


# -- 4. a situation clause keeps its own way -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "can't see in the warehouse and silence the yard", "can't see in the warehouse, silence the yard",
    "silence the yard and can't see in the warehouse", "it's dark in the warehouse and silence the yard",
    "cannot see in the warehouse and also silence the yard", "仓库看不见了，让院子安静",
])
def test_a_situation_clause_binds_its_own_devices(text: str) -> None:
    assert got(text) == {"lamp-warehouse": {"power": True}, "siren-yard": {"active": False}}


def test_a_situation_clause_never_excuses_the_wrong_way() -> None:
    """The floodlight may never go off for "can't see", whatever the other clause says."""
    from console.core.assistant.proposal import build_proposal

    text = "can't see in the warehouse and silence the yard"
    prop = build_proposal(text, "en", {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}, set(),
                          by_id=DEMO.by_id, aliases=DEMO.aliases, max_commands=DEMO.max_commands)
    assert prop.ok
    assert DEMO._gate(text, prop).refusal is not None


# -- 5. lead-ins and lock verbs ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("do the needful, close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("kindly do the needful and unlock the main door", {"lock-main-door": {"locked": False}}),
    ("engage the lock", {"lock-main-door": {"locked": True}}),
    ("engage the door lock", {"lock-main-door": {"locked": True}}),
    ("disengage the main entrance lock", {"lock-main-door": {"locked": False}}),
    ("release the main entrance lock", {"lock-main-door": {"locked": False}}),
    ("secure the entrance", {"lock-main-door": {"locked": True}}),
    ("entrance secured", {"lock-main-door": {"locked": True}}),
    ("unlock the door lock and open the blinds", {"lock-main-door": {"locked": False}, "blinds-office": {"position": 100.0}}),
    ("engage the lock and open the blinds", {"lock-main-door": {"locked": True}, "blinds-office": {"position": 100.0}}),
    ("lock the main entrance and open the blinds", {"lock-main-door": {"locked": True}, "blinds-office": {"position": 100.0}}),
    ("open up for the courier please", {"lock-main-door": {"locked": False}}),
    ("open up for them", {"lock-main-door": {"locked": False}}),
    ("open up the blinds", {"blinds-office": {"position": 100.0}}),
    ("open up for the staff at the entrance and switch on the office lights",
     {"lock-main-door": {"locked": False}, "lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_lead_ins_and_lock_verbs(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "do the needful", "engage the conveyor", "engage the siren", "lock and open the blinds",
    "unlock and lock the front door", "open and lock the front door", "open the door and then lock it",
    "engage and disengage the lock", "open up for the dog", "don't open up for them", "open up for business",
    # a person let in that the whole reading does not carry is never silently dropped ("staff" is also a word of
    # the siren's "warn ... staff", so the clause alone reads nothing): the whole ask is refused, naming the part
    "open up for the staff and switch on the office lights", "let the staff in and switch on the office lights",
])
def test_harmful_or_unclear_variants_stay_refused(text: str) -> None:
    refused_unoffered(text)
