"""The misses of the blind held-out 7, 8 and 9 sets, fixed at the root (bench/intents_heldout{7,8,9}.jsonl, now
dev material).

Most serious first: "We've got burglars on site: secure the premises and alert everyone with the pulse pattern."
set the siren's ``active`` to FALSE: "alert" was no direction word, so the lock's "secure" was the ask's only way
and the semantics sent the siren down with it.  Alerting words (alert, warn, sound, 发出警报, 拉响 …) are "up" now,
each kind takes its own clause's way, and a clause's kind words bind its devices at the gate ("air out line A and
close off the steam" must never switch the fan off).  Then: a purpose clause ("…, let them in", 让大家进来) whose
readings include a device the ask already changes adds no model pick; a place's kind noun in Chinese is every
device of that kind there (关掉办公室的灯); state questions (…是开着的吗) are refused; rates in words (20 liters a
minute); a relative word with a target in words; "raise X to V" sets only the value.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _last(_utterance: str, options: list[str]) -> int:
    return len(options) - 1  # an adversarial model: always the last legal reading


def _first(_utterance: str, options: list[str]) -> int:
    return 0


LAST = Assistant(FLEET, default_aliases(), chooser=_last)
FIRST = Assistant(FLEET, default_aliases(), chooser=_first)
PLAIN = Assistant(FLEET, default_aliases())


def got(text: str, assistant: Assistant = PLAIN) -> dict[str, dict]:
    prop = assistant.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


# -- 1. alerting never silences the siren ---------------------------------------------------------------------
EN_ALERT = ["alert everyone", "warn everyone", "alert the staff", "warn the workers", "sound the siren",
            "sound the yard siren", "alert everybody", "sound the alarm", "raise the alarm", "set off the siren",
            "set off the yard alarm", "trigger the alarm"]
EN_BEFORE = ["", "we've got burglars on site: ", "secure the premises and ", "lock the main door and ",
             "turn off the office lights and ", "close the steam valve, then ", "intruders! secure the building and "]
EN_AFTER = ["", " with the pulse pattern", ", pulse pattern", " on wail", ", steady tone"]
ZH_ALERT = ["发出警报", "拉响警报", "拉响院子的警报器", "发出警报提醒大家", "警告大家", "提醒大家注意", "鸣响警报",
            "让警报响起来"]
ZH_BEFORE = ["", "有小偷，", "锁好大门，", "把办公室的灯关掉，", "厂区进了外人，先锁上大门，再"]
ZH_AFTER = ["", "，用脉冲模式", "，长鸣"]


def _siren_never_off(text: str) -> None:
    for a in (PLAIN, LAST, FIRST):
        prop = a.understand(text)
        for c in prop.commands:
            if c.device_id == "siren-yard":
                assert c.params.get("active") is not False, (text, prop.commands)
            if c.device_id == "lock-main-door":
                assert c.params.get("locked") is not False, (text, prop.commands)  # nobody said unlock


@SLOW
@given(before=st.sampled_from(EN_BEFORE), alert=st.sampled_from(EN_ALERT), after=st.sampled_from(EN_AFTER),
       end=st.sampled_from(["", ".", "!"]))
def test_english_alerting_never_yields_active_false(before: str, alert: str, after: str, end: str) -> None:
    _siren_never_off(f"{before}{alert}{after}{end}")


@SLOW
@given(before=st.sampled_from(ZH_BEFORE), alert=st.sampled_from(ZH_ALERT), after=st.sampled_from(ZH_AFTER))
def test_chinese_alerting_never_yields_active_false(before: str, alert: str, after: str) -> None:
    _siren_never_off(f"{before}{alert}{after}")


@pytest.mark.parametrize("text,want", [
    ("We've got burglars on site: secure the premises and alert everyone with the pulse pattern.",
     {"lock-main-door": {"locked": True}, "siren-yard": {"active": True, "pattern": "pulse"}}),
    ("secure the building and warn everyone", {"lock-main-door": {"locked": True}, "siren-yard": {"active": True}}),
    ("发出警报提醒大家，用脉冲模式", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("拉响警报", {"siren-yard": {"active": True}}),
    ("锁好大门，拉响警报", {"lock-main-door": {"locked": True}, "siren-yard": {"active": True}}),
    ("turn off the office lights and alert everyone",
     {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}, "siren-yard": {"active": True}}),
])
def test_alerting_asks(text: str, want: dict) -> None:
    assert got(text) == want


@SLOW
@given(alert=st.sampled_from(EN_ALERT + ZH_ALERT), after=st.sampled_from(EN_AFTER + ZH_AFTER))
def test_the_gate_refuses_an_alert_that_silences(alert: str, after: str) -> None:
    """The direction check itself (fleet-agnostic words): under alerting words a siren set off is refused,
    whatever layer proposed it."""
    from console.core.assistant.direction_check import check_proposal
    from console.core.assistant.proposal import build_proposal

    by_id = {m.id: m for m in FLEET.devices}
    text = alert + after
    prop = build_proposal(text, "en", {"siren-yard": {"active": False, "pattern": "pulse"}}, set(), by_id=by_id,
                          aliases=default_aliases(), max_commands=50)
    assert check_proposal(text, prop, by_id) is not None, text


# -- 1b. each kind goes its own clause's way ------------------------------------------------------------------
@SLOW
@given(up=st.sampled_from(["air out line a", "ventilate line a", "air line a out", "get the line a fan going"]),
       down=st.sampled_from(["close off the steam", "cut off the steam", "shut off the steam", "close the steam valve"]),
       join=st.sampled_from([" and ", ", and ", ", then ", ", "]), flip=st.booleans())
def test_each_clause_keeps_its_own_way(up: str, down: str, join: str, flip: bool) -> None:
    text = f"{down}{join}{up}" if flip else f"{up}{join}{down}"
    for a in (PLAIN, LAST):
        prop = a.understand(text)
        for c in prop.commands:  # the fan never off, the valve never opened
            assert c.params.get("power") is not False and c.params.get("open") != 100, (text, prop.commands)
    assert got(text) == {"fan-line-a": {"power": True}, "valve-steam": {"open": 0}}


@pytest.mark.parametrize("text", ["给一号线通通风，再把蒸汽关掉", "一号线通风，把蒸汽关了", "把蒸汽关掉，给一号线通风"])
def test_each_clause_keeps_its_own_way_chinese(text: str) -> None:
    assert got(text) == {"fan-line-a": {"power": True}, "valve-steam": {"open": 0}}


def test_a_place_clause_that_does_nothing_still_bounds_the_ask() -> None:
    """Only a clause that acts on its own devices there keeps its place to itself."""
    assert got("Line one, stop everything") == {"fan-line-a": {"power": False}, "conveyor-a": {"running": False}}
    assert PLAIN.understand("the warehouse is dark, let the sunlight in").refusal is not None


# -- 2. rates in words -------------------------------------------------------------------------------------------
EN_NUMBERS = [("20", 20), ("twenty", 20), ("40", 40), ("forty", 40), ("35", 35), ("thirty-five", 35)]
EN_RATES = ["liters a minute", "litres a minute", "litres per min", "liters per minute", "l/min", "litres/min",
            "liter a minute", "l per min"]
EN_RATE_ASKS = ["set the cooling pump to {n} {u}", "get the coolant flowing at {n} {u}",
                "get coolant circulating, {n} {u}", "Get the cooling water circulating again at {n} {u}.",
                "cooling pump flow {n} {u}"]


@SLOW
@given(num=st.sampled_from(EN_NUMBERS), unit=st.sampled_from(EN_RATES), ask=st.sampled_from(EN_RATE_ASKS))
def test_rates_in_words_are_litres_per_minute(num: tuple[str, int], unit: str, ask: str) -> None:
    text = ask.format(n=num[0], u=unit)
    assert got(text)["pump-cooling"]["flow"] == num[1], text


@pytest.mark.parametrize("text,flow", [("冷却泵流量调到20升每分钟", 20), ("冷却泵流量调到二十升每分", 20),
                                       ("把冷却泵流量设为每分钟三十升", 30), ("冷却泵流量调到40升/分钟", 40)])
def test_rates_in_chinese(text: str, flow: int) -> None:
    assert got(text)["pump-cooling"]["flow"] == flow


def test_an_unknown_rate_unit_is_still_refused() -> None:
    assert PLAIN.understand("Push 10 gallons a minute of coolant through line B").refusal is not None


# -- 3. a purpose clause is no second ask ------------------------------------------------------------------------
EN_UNLOCK = ["The delivery crew is at the door, let them in", "unlock the main entrance, let them in",
             "the crew is at the main entrance, let them in", "unlock the front door lock and let them in",
             "release the main entrance lock, let people in"]
ZH_UNLOCK = ["给厂区开锁，让大家进来", "把大门解锁，让送货的人进来", "大门开锁，让他们进来", "给大楼开锁，让访客进来"]


@SLOW
@given(text=st.sampled_from(EN_UNLOCK + ZH_UNLOCK), end=st.sampled_from(["", ".", "!"]))
def test_a_purpose_clause_adds_no_model_pick(text: str, end: str) -> None:
    for a in (LAST, FIRST, PLAIN):
        assert got(text + end, a) == {"lock-main-door": {"locked": False}}, (text, a.chooser)


@pytest.mark.parametrize("text,want", [
    ("open the office blinds so we can see", {"blinds-office": {"position": 100}}),
    ("open the office blinds so that we can see", {"blinds-office": {"position": 100}}),
    ("unlock the main door so the crew can get in", {"lock-main-door": {"locked": False}}),
    ("把大门解锁好让他们进来", {"lock-main-door": {"locked": False}}),
    ("turn on the office lights so we can see", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_a_purpose_without_a_comma_is_no_part(text: str, want: dict) -> None:
    assert got(text, LAST) == want


def test_an_unread_clause_still_adds_its_device() -> None:
    """The model may still add a device where a clause nothing else read names its effect."""
    want = {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}, "blinds-office": {"position": 100}}
    for a in (LAST, FIRST, PLAIN):
        assert got("关掉办公室的灯，同时把阳光放进来", a) == want


# -- 4. a place's kind noun: every device of that kind there ------------------------------------------------------
ZH_VERBS = [("关掉{p}", {"power": False}), ("把{p}打开", {"power": True}), ("{p}调到一半", {"level": 50}),
            ("{p}关了", {"power": False}), ("请把{p}调到30%", {"level": 30})]
ZH_PLACES = ["办公室的灯", "办公室灯光", "办公室里的灯", "办公室的灯光"]


@SLOW
@given(verb=st.sampled_from(ZH_VERBS), place=st.sampled_from(ZH_PLACES))
def test_a_places_kind_noun_in_chinese_is_every_one(verb: tuple[str, dict], place: str) -> None:
    text = verb[0].format(p=place)
    for a in (PLAIN, FIRST):  # the model is never asked: the rules read both
        assert got(text, a) == {"lamp-office-1": verb[1], "lamp-office-2": verb[1]}, text


@pytest.mark.parametrize("text", ["office lighting off", "turn off the lighting in the office"])
def test_a_mass_noun_in_a_place_is_every_one(text: str) -> None:
    assert got(text, FIRST) == {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}


def test_singular_and_ordinals_stay_one() -> None:
    assert got("打开仓库的灯") == {"lamp-warehouse": {"power": True}}
    assert got("把办公室第二盏灯关掉") == {"lamp-office-2": {"power": False}}
    assert PLAIN.understand("turn on the office lamp").refusal.kind == "ambiguous"
    assert got("the office lights off") == {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}


# -- 5. a question about state is no command ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["办公室台灯是开着的吗", "台灯开着吗", "冷却泵在运行吗", "传送带在运行吗？", "灯关了没有",
                                  "门锁锁好了吗", "蒸汽阀开着吗", "is the pump running?", "is the desk lamp on",
                                  "are the office lights on?"])
def test_state_questions_are_refused(text: str) -> None:
    for a in (PLAIN, FIRST):
        prop = a.understand(text)
        assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text,want", [("能帮我把台灯关掉吗", {"lamp-office-2": {"power": False}}),
                                       ("台灯关了", {"lamp-office-2": {"power": False}}),
                                       ("请把台灯打开好吗", {"lamp-office-2": {"power": True}})])
def test_polite_requests_ending_in_ma_stay_requests(text: str, want: dict) -> None:
    assert got(text) == want


# -- 6. a relative word with a target in words -------------------------------------------------------------------
@SLOW
@given(rel=st.sampled_from(["warmer in the office pls", "cooler in the office", "make the office warmer",
                            "office a bit cooler"]),
       num=st.sampled_from([("twenty-three", 23), ("twenty three", 23), ("nineteen", 19), ("twenty", 20), ("22", 22)]),
       unit=st.sampled_from(["degrees", "degree", "°c"]))
def test_relative_word_with_a_target_in_words_is_the_target(rel: str, num: tuple[str, int], unit: str) -> None:
    text = f"{rel}, {num[0]} {unit}"
    assert got(text) == {"hvac-office": {"setpoint": num[1]}}, text


COMPARE = [("凉快一点", ["，{n}", "，{n}吧", "，调到{n}"], [("20度", 20), ("二十五度", 25), ("19度", 19)]),
           ("暖和点", ["，{n}", "，{n}吧"], [("二十五度", 25), ("26度", 26)]),
           ("办公室凉快一点", ["，{n}"], [("二十度", 20)]),
           ("cooler", [", {n}", ", like {n}", ", say {n}"], [("twenty-two degrees", 22), ("19 degrees", 19)]),
           ("warmer pls", [", {n}", ", like {n}"], [("twenty-four degrees", 24), ("25 degrees", 25)]),
           ("make it a bit cooler", [", say {n}", ", {n}"], [("twenty degrees", 20), ("21 °c", 21)])]


@SLOW
@given(case=st.sampled_from(COMPARE), data=st.data())
def test_a_comparative_with_a_target_switches_nothing(case: tuple, data: st.DataObject) -> None:
    """"凉快一点，20度" had also switched the AC OFF (the semantics took 凉快 for "down"), "暖和点，二十五度" on."""
    rel, hows, nums = case
    how, num = data.draw(st.sampled_from(hows)), data.draw(st.sampled_from(nums))
    text = rel + how.format(n=num[0])
    for a in (PLAIN, LAST):
        assert got(text, a) == {"hvac-office": {"setpoint": num[1]}}, text


def test_relative_words_without_a_target_stay_refused() -> None:
    for text in ("a bit warmer in the office", "warmer in the office pls", "make the office cooler, please"):
        assert PLAIN.understand(text).refusal is not None, text


# -- 7. setting a value is only that -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Put the office AC in heat mode and raise the setpoint to 24.", {"hvac-office": {"mode": "heat", "setpoint": 24}}),
    ("raise the office AC setpoint to 24", {"hvac-office": {"setpoint": 24}}),
    ("raise the conveyor b speed to 60 rpm", {"conveyor-b": {"speed": 60}}),
    ("lift the cooling pump flow to 30 l/min", {"pump-cooling": {"flow": 30}}),
    ("start the pump and raise the flow to 30 l/min", {"pump-cooling": {"flow": 30, "running": True}}),
    ("raise the office blinds all the way", {"blinds-office": {"position": 100}}),
    ("lift the blinds to 40%", {"blinds-office": {"position": 40}}),
    ("get the aircon going at 22", {"hvac-office": {"power": True, "setpoint": 22}}),
    ("get the pump running at 30 l/min", {"pump-cooling": {"running": True, "flow": 30}}),
    ("I need conveyor b running at 40 rpm", {"conveyor-b": {"running": True, "speed": 40}}),
    ("keep the pump running at 30 l/min", {"pump-cooling": {"flow": 30}}),
    ("the pump is running too fast, drop it to 20 l/min", {"pump-cooling": {"flow": 20}}),
])
def test_raising_to_a_value_sets_only_the_value(text: str, want: dict) -> None:
    assert got(text) == want


# -- 8. a break-in is a reason to lock, never to unlock ---------------------------------------------------------------
@SLOW
@given(why=st.sampled_from(["有人闯进来了，", "有小偷闯入，", "有人想闯入，", "厂区进了外人，", ""]),
       lock=st.sampled_from(["锁好大门", "把大门锁上", "锁上门锁", "给厂区上锁"]),
       then=st.sampled_from(["", "，拉响警报", "，发出警报，用脉冲模式", "，然后拉响警报"]))
def test_a_break_in_never_unlocks(why: str, lock: str, then: str) -> None:
    """"有人闯进来了，锁好大门，拉响警报": 闯进来 had read as 进来 (let in): the whole reading unlocked the door and the
    clause's own "锁好" lost the merge.  A clause's stated lock way now wins, and 闯进/闯入 are lock words."""
    text = why + lock + then
    for a in (PLAIN, LAST, FIRST):
        prop = a.understand(text)
        assert all(c.params.get("locked") is not False for c in prop.commands), (text, prop.commands)
    assert got(text)["lock-main-door"] == {"locked": True}, text


# -- 9. a situation about another device that says no way for it is no part ---------------------------------------
@pytest.mark.parametrize("text,want", [
    ("the building is on fire, alert everybody", {"siren-yard": {"active": True}}),
    ("there's a fire in the building, sound the alarm", {"siren-yard": {"active": True}}),
    ("the coolant is too hot, alert everyone", {"siren-yard": {"active": True}}),
    ("it is dark in the warehouse, sound the siren", {"siren-yard": {"active": True}, "lamp-warehouse": {"power": True}}),
])
def test_a_situation_that_asks_nothing_is_skipped(text: str, want: dict) -> None:
    assert got(text, LAST) == want


@pytest.mark.parametrize("text", ["the steam valve is stuck, alert everyone", "turn on the desk lamp and also fix the printer",
                                  "the building is on fire"])
def test_a_part_nobody_understood_still_refuses(text: str) -> None:
    assert PLAIN.understand(text).refusal is not None
