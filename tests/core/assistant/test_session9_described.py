"""Session 9, a blind set by new staff who describe devices by what they do, where they are and how they sound.

Harms first (a wrong or an extra device), each mended as a class in both languages:

1. A kind word qualified by a place that has no device of that kind is refused, never moved to another kind there:
   "the aircon in the warehouse, can you switch it on, it's like a sauna back there" switched the floodlight on
   (place_bounds.kind_not_there).
2. A place the fleet lacks refuses the ask before any layer, the model's included: "it's cold in the kitchen, warm it
   up to 23" set the office AC, 食堂太暗了，看不清 let the model switch a lamp on (place_bounds.unknown_place).
3. A described device is one device: "the thing that pushes boxes on the second line - stop it" also stopped the pump,
   "that whooshing thing over line A, switch it off" also stopped conveyor A, 一号线那个吹风的打开 started it
   (described.py; the catalog's per-kind ``described`` words).  "stop the thing on line 2" asks which one.
4. A siren's pattern said by its sound: "make it do the on-off beeping instead of the long howl" silenced the siren
   (sound_patterns.py); 要一直响不断的那种 dropped the steady tone.

Over-refusals: descriptions (二号线那个推箱子的东西, "that hissing thing … that lets the steam out", 院子里那个一直叫的东西),
appositions ("the belt on line A, the one that moves the boxes, start it"), where a device sits (天花板上的灯, 顶上那个灯),
a relative word with a rough target (调暗一点，20左右就行: rough_targets.py), 皮带 as a conveyor word.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.rough_targets import rough_target
from console.core.assistant.semantics import PLACES
from console.core.assistant.sound_patterns import sound_patterns
from tests.core.assistant.helpers import ASSISTANT, FLEET, refusal_kind, refused
from tests.core.assistant.helpers import understood as got

OFF, ON = {"power": False}, {"power": True}
STOP, START = {"running": False}, {"running": True}
_PATTERNS = ("steady", "pulse", "wail")


# -- the blind set's asks --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("the thing that pushes boxes on the second line - stop it please", {"conveyor-b": STOP}),
    ("that whooshing thing over line A, switch it off", {"fan-line-a": OFF}),
    ("一号线那个吹风的打开", {"fan-line-a": ON}),
    ("一号线暂停", {"conveyor-a": STOP}),
    ("pause line A", {"conveyor-a": STOP}),
    ("A线暂停一下", {"conveyor-a": STOP}),
    ("二号线那个推箱子的东西停一下", {"conveyor-b": STOP}),
    ("the belt on line A, the one that moves the boxes, start it", {"conveyor-a": START}),
    ("that hissing thing on line 2 that lets the steam out, shut it", {"valve-steam": {"open": 0.0}}),
    ("the fan on line A, the loud one on the wall, turn it on please", {"fan-line-a": ON}),
    ("院子里那个一直叫的东西，让它停下", {"siren-yard": {"active": False}}),
    ("院子的警报换成嘀嘀嘀一阵一阵那种", {"siren-yard": {"pattern": "pulse"}}),
    ("院子里那个响的，换成呜呜呜那种忽高忽低的", {"siren-yard": {"pattern": "wail"}}),
    ("can you make the yard thing do the wailing sound", {"siren-yard": {"pattern": "wail"}}),
    ("alert all the staff, fire drill - the howling sound please", {"siren-yard": {"active": True, "pattern": "wail"}}),
    ("the yard siren - make it do the on-off beeping instead of the long howl", {"siren-yard": {"pattern": "pulse"}}),
    ("院子里的警报器响起来，要一直响不断的那种", {"siren-yard": {"active": True, "pattern": "steady"}}),
    ("办公室天花板上的灯关掉吧", {"lamp-office-1": OFF}),
    ("办公室顶上那个灯调暗一点，20左右就行", {"lamp-office-1": {"level": 20.0}}),
    ("二号线的皮带开到最大，今天单子多", {"conveyor-b": {"running": True, "speed": 120.0}}),
])
def test_the_blind_set_asks(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "the aircon in the warehouse, can you switch it on, it's like a sauna back there",
    "it's cold in the kitchen, warm it up to 23",
    "食堂太暗了，看不清",
])
def test_the_blind_set_harms_are_refused(text):
    assert refused(text)


# -- 1. a kind in a place without one --------------------------------------------------------------------------------
_KIND_PLACE = [  # (kind word, place word): the place has no device of that kind
    ("aircon", "warehouse"), ("ac", "line a"), ("fan", "office"), ("fan", "line b"), ("pump", "warehouse"),
    ("siren", "office"), ("lamp", "line b"), ("valve", "line a"), ("conveyor", "office"), ("blinds", "warehouse"),
]
_KIND_PLACE_ZH = [("空调", "仓库"), ("空调", "一号线"), ("风扇", "办公室"), ("风扇", "二号线"), ("水泵", "仓库"),
                  ("警报器", "办公室"), ("灯", "二号线"), ("阀门", "一号线"), ("传送带", "办公室"), ("皮带", "仓库")]


@pytest.mark.parametrize("kind, place", _KIND_PLACE)
@pytest.mark.parametrize("template", [
    "the {k} in the {p}, can you switch it on, it's like a sauna back there",
    "the {k} in the {p}, turn it on, it's stuffy back there",
    "the {k} in the {p}, switch it off, nobody is back there",
    "turn on the {k} in the {p}",
    "the {k} on {p} - start it please",
])
def test_a_kind_where_there_is_none_is_refused(kind, place, template):
    text = template.format(k=kind, p=place)
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])


@pytest.mark.parametrize("kind, place", _KIND_PLACE_ZH)
@pytest.mark.parametrize("template", ["{p}的{k}，帮我打开，那边热得跟桑拿一样", "{p}的{k}打开，那里太闷了", "{p}里那个{k}关掉",
                                      "把{p}的{k}关了，那边没人"])
def test_a_kind_where_there_is_none_is_refused_zh(kind, place, template):
    text = template.format(k=kind, p=place)
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])


@pytest.mark.parametrize("text, want", [  # a kind where it is, or a kind not bound to the place named
    ("the aircon in the office, can you switch it on, it's like a sauna in there", {"hvac-office": ON}),
    ("the fan on line a, turn it on, it's stuffy back there", {"fan-line-a": ON}),
    ("仓库的灯打开，那边太暗了", {"lamp-warehouse": ON}),
    ("stop the conveyor on line one and the one on line two", {"conveyor-a": STOP, "conveyor-b": STOP}),
])
def test_a_kind_where_it_is_still_works(text, want):
    assert got(text) == want


# -- 2. a place the fleet lacks --------------------------------------------------------------------------------------
class _Spy:
    """A chooser that would pick the first candidate, and records that it was asked."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, _utterance, options):
        self.asked += 1
        return 0


_FOREIGN_EN = [p for p in PLACES if p.isascii() and p not in ("outside",)]
_FOREIGN_ZH = [p for p in PLACES if not p.isascii() and p != "外面"]


@pytest.mark.parametrize("place", _FOREIGN_EN)
@pytest.mark.parametrize("template", [
    "it's cold in the {p}, warm it up to 23", "the {p} is too dark, can't see a thing",
    "it's stuffy in the {p}, get some air moving", "it's freezing in the {p}, turn on the ac",
])
def test_a_place_the_fleet_lacks_is_refused_before_the_model(place, template):
    spy = _Spy()
    text = template.format(p=place)
    prop = Assistant(FLEET, default_aliases(), chooser=spy).understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])
    assert spy.asked == 0, text


@pytest.mark.parametrize("place", _FOREIGN_ZH)
@pytest.mark.parametrize("template", ["{p}太暗了，看不清", "{p}好冷，暖和一点，23度", "{p}太闷了，通通风", "{p}太吵了"])
def test_a_place_the_fleet_lacks_is_refused_before_the_model_zh(place, template):
    spy = _Spy()
    text = template.format(p=place)
    prop = Assistant(FLEET, default_aliases(), chooser=spy).understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])
    assert spy.asked == 0, text


@pytest.mark.parametrize("text, want", [  # a device or a place of the fleet named beside it: acted on as before
    ("the crew is in the canteen, turn off the office lights", {"lamp-office-1": OFF, "lamp-office-2": OFF}),
    ("everyone went to the canteen, lock the main door", {"lock-main-door": {"locked": True}}),
    ("食堂太暗了，把台灯打开", {"lamp-office-2": ON}),
    ("the fire inspector is waiting outside, unlock the main door", {"lock-main-door": {"locked": False}}),
])
def test_a_place_of_the_fleet_or_a_device_named_still_works(text, want):
    assert got(text) == want


# -- 3. a described device is one device -----------------------------------------------------------------------------
_DESCRIBED = [  # (a description, the one device it fits)
    ("the thing that pushes boxes on line 2", "conveyor-b"), ("the thing that moves the boxes on line one", "conveyor-a"),
    ("that whooshing thing over line a", "fan-line-a"), ("the whirring thing on line a", "fan-line-a"),
    ("that hissing thing", "valve-steam"), ("the hissing thing on the second line", "valve-steam"),
    ("the thing that lets the steam out on line b", "valve-steam"), ("the thing that moves coolant", "pump-cooling"),
    ("the gurgling machine on line 2", "pump-cooling"), ("that howling thing in the yard", "siren-yard"),
    ("the loud thing in the yard", "siren-yard"), ("the yard thing", "siren-yard"),
]
_DESCRIBED_ZH = [
    ("二号线那个推箱子的东西", "conveyor-b"), ("一号线那个推箱子的", "conveyor-a"), ("一号线那个吹风的", "fan-line-a"),
    ("一号线那个呼呼响的", "fan-line-a"), ("二号线那个嘶嘶响的东西", "valve-steam"), ("院子里那个一直叫的东西", "siren-yard"),
    ("院子里那个响的", "siren-yard"), ("院子里那个东西", "siren-yard"), ("二号线那个放蒸汽的", "valve-steam"),
]


@pytest.mark.parametrize("phrase, device", _DESCRIBED)
@pytest.mark.parametrize("template, way", [("{d}, switch it off", "down"), ("{d} - turn it on please", "up"),
                                           ("can you stop {d}", "down")])
def test_a_description_is_one_device(phrase, device, template, way):
    text = template.format(d=phrase)
    prop = ASSISTANT.understand(text)
    assert prop.ok, (text, prop.refusal)
    assert [c.device_id for c in prop.commands] == [device], text
    assert ASSISTANT.direction_problem(text, prop) is None, text


@pytest.mark.parametrize("phrase, device", _DESCRIBED_ZH)
@pytest.mark.parametrize("template", ["{d}关掉", "{d}打开一下", "把{d}停了"])
def test_a_description_is_one_device_zh(phrase, device, template):
    text = template.format(d=phrase)
    prop = ASSISTANT.understand(text)
    assert prop.ok, (text, prop.refusal)
    assert [c.device_id for c in prop.commands] == [device], text
    assert ASSISTANT.direction_problem(text, prop) is None, text


@pytest.mark.parametrize("text", [
    "stop the thing on line 2", "the thing on line b, stop it", "the thing that pushes boxes - stop it",  # which one?
    "二号线那个东西停一下", "仓库里那个东西关掉", "the loud thing on line a, switch it off",
    "the whooshing thing on line b, turn it off", "that beeping thing in the office, silence it",  # none there
    "二号线那个吹风的打开", "办公室里那个推箱子的东西停下", "the hissing thing in the office, shut it",
    "the fan on line a, the one that moves the boxes, turn it on",  # an apposition that does not fit
    "一号线的风扇，就是推箱子的那个，打开",
])
def test_a_description_that_fits_several_or_none_is_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [  # appositions that fit, "one" as the kind named before, names
    ("the pump on line b, the one that moves the coolant, start it", {"pump-cooling": START}),
    ("A线的传送带，就是推箱子的那个，启动", {"conveyor-a": START}),
    ("put the ac on, the one in the office", {"hvac-office": ON}),
    ("turn off the lamp, the one in the warehouse", {"lamp-warehouse": OFF}),
    ("turn off every lamp except the warehouse one", {"lamp-office-1": OFF, "lamp-office-2": OFF}),
    ("stop line A", {"fan-line-a": OFF, "conveyor-a": STOP}),  # a plain place: its every device, as before
    ("一号线停", {"fan-line-a": OFF, "conveyor-a": STOP}),
    ("the desk lamp's already off, kill the other one too", {"lamp-office-1": OFF}),
    ("turn off the light on the ceiling in the office", {"lamp-office-1": OFF}),
    ("办公室桌上的灯打开", {"lamp-office-2": ON}),
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert got(text) == want


def test_an_unknown_noun_is_still_named():
    assert refusal_kind("stop the gadget in the office") == "unknown_device"
    assert "gadget" in ASSISTANT.understand("stop the gadget in the office").refusal.reason


# -- 4. a siren's pattern said by its sound --------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("switch the yard siren to the beeping one", {"siren-yard": {"pattern": "pulse"}}),
    ("yard siren: do the howling sound", {"siren-yard": {"pattern": "wail"}}),
    ("make the yard alarm do the on-off beeping", {"siren-yard": {"pattern": "pulse"}}),
    ("sound the yard siren with a continuous tone", {"siren-yard": {"active": True, "pattern": "steady"}}),
    ("院子警报器换成一直响的那种", {"siren-yard": {"pattern": "steady"}}),
    ("院子警报器换成嘀嘀嘀的", {"siren-yard": {"pattern": "pulse"}}),
    ("院子警报器响起来，用呜呜呜那种", {"siren-yard": {"active": True, "pattern": "wail"}}),
])
def test_a_pattern_said_by_its_sound(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", [  # how it sounds now, with a stop: the stop only, never a pattern (nor "on")
    "the siren keeps beeping, stop it", "院子的警报一直响，关掉", "stop the constant noise in the yard",
    "the beeping one, silence it", "院子里那个一直叫的东西，让它停下", "silence the wailing siren in the yard",
    "shut off that howling alarm",
])
def test_a_sound_heard_now_is_no_pattern(text):
    assert got(text) == {"siren-yard": {"active": False}}


@pytest.mark.parametrize("text", ["yard siren on-off beeping, on", "make the yard siren do the on-off beeping"])
def test_on_off_beeping_never_switches_off(text):
    prop = ASSISTANT.understand(text)
    assert not any(c.params.get("active") is False for c in prop.commands), text


@pytest.mark.parametrize("text, want", [
    ("make it do the on-off beeping instead of the long howl", "make it do the pulse"),
    ("the howling sound please", "the wail tone please"),
    ("换成呜呜呜那种忽高忽低的", "换成啸叫"),
    ("要一直响不断的那种", "要持续"),
    ("stop the constant noise", "stop the noise"),
    ("院子的警报一直响,关掉", "院子的警报一直响,关掉"),
])
def test_sound_patterns_rewrites(text, want):
    assert sound_patterns(text, _PATTERNS) == want


def test_sound_patterns_need_the_fleet_s_values():
    assert sound_patterns("do the howling sound", ("low", "high")) == "do the howling sound"


# -- where it sits, rough targets --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("dim the ceiling lamp a bit, around 20", {"lamp-office-1": {"level": 20.0}}),
    ("台灯亮一点，60左右", {"lamp-office-2": {"level": 60.0}}),
    ("conveyor a a bit faster, say 80", {"conveyor-a": {"speed": 80.0}}),
    ("办公室吊灯调暗一点，20左右就行", {"lamp-office-1": {"level": 20.0}}),
])
def test_a_rough_target_after_a_relative_word_is_the_target(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["台灯调暗一点", "more coolant, 40", "dim the desk lamp a bit", "台灯调暗一点，5点"])
def test_a_relative_word_without_a_target_stays_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("调暗一点,20左右就行", "调暗一点,调到20"), ("dim it a bit, around 20", "dim it a bit, to 20"),
    ("more coolant, 40", "more coolant, 40"), ("dim it at 5, 20", "dim it at 5, 20"),
])
def test_rough_target_rewrites(text, want):
    assert rough_target(text) == want


@pytest.mark.parametrize("text, want", [("二号线的皮带停一下", {"conveyor-b": STOP}),
                                        ("把皮带都停了", {"conveyor-a": STOP, "conveyor-b": STOP})])
def test_a_belt_is_a_conveyor(text, want):
    assert got(text) == want
