"""The Chinese misses of the blind held-out 11 and 12 sets (bench/intents_heldout{11,12}.jsonl), fixed as rules.

1. 开到/开成 + a level switches the device on (A线排风扇开到中档 → power on + medium; 办公室空调开到制冷，二十四度 → on + cool +
   24); 调到/设到/设成 stay value-only, a mode alone (空调开到制热模式) stays a mode change, and a clause with a down word
   never gets a switch turned on.
2. A trailing negated purpose (下班了，把楼锁好，别让外人进来; 免得有人进来; "don't let anyone in") is the lock's purpose,
   not a negated command; kept only where the rest locks and unlocks nothing.  别锁门 / 不要打开阀门 stay refused.
3. Chinese input-method slips (办工室 → 办公室, 仓库的等 → 仓库的灯, 冷确 → 冷却, 传送代 → 传送带), only where the fixed
   word is a fleet word; a noun after a place that is no fleet word never falls back to "every device there".
4. Ordinal lines with both: 把二号线的蒸汽切断，同时把一号线的排风开到高档.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.typos import TypoFixer
from tests.core.assistant.helpers import ASSISTANT as PLAIN, FLEET, refused

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _last(_utterance: str, options: list[str]) -> int:
    return len(options) - 1  # an adversarial model: always the last legal reading


LAST = Assistant(FLEET, default_aliases(), chooser=_last)


def got(text: str, assistant: Assistant = PLAIN) -> dict[str, dict]:
    prop = assistant.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


def refused_last(text: str) -> bool:
    """``helpers.refused`` (a refusal, nothing proposed) for LAST, the always-the-last-reading model."""
    prop = LAST.understand(text)
    return prop.refusal is not None and not prop.commands


# -- 1. 开到 + a level switches on -------------------------------------------------------------------------------
FAN = ["A线排风扇", "排风扇", "一号线的排风", "A线的排风扇", "一号线排风扇", "排风"]
LEVEL = {"低档": "low", "中档": "medium", "高档": "high", "高速": "high", "中速": "medium"}
BEFORE = ["", "把", "麻烦把", "请把", "一号线有烟味，", "A线太闷了，", "一号线有烟味，把"]


@SLOW
@given(st.sampled_from(BEFORE), st.sampled_from(FAN), st.sampled_from(["开到", "开成"]), st.sampled_from(sorted(LEVEL)),
       st.sampled_from(["", "。", "吧"]))
def test_opened_to_a_level_switches_the_fan_on(before: str, fan: str, verb: str, level: str, end: str) -> None:
    text = f"{before}{fan}{verb}{level}{end}"
    for assistant in (PLAIN, LAST):
        assert got(text, assistant) == {"fan-line-a": {"power": True, "speed": LEVEL[level]}}, text


@SLOW
@given(st.sampled_from(BEFORE), st.sampled_from(FAN), st.sampled_from(["调到", "设到", "设成", "调成", "设为"]),
       st.sampled_from(sorted(LEVEL)))
def test_set_to_a_level_stays_value_only(before: str, fan: str, verb: str, level: str) -> None:
    text = f"{before}{fan}{verb}{level}"
    assert got(text) == {"fan-line-a": {"speed": LEVEL[level]}}, text


@pytest.mark.parametrize("text, want", [
    ("办公室空调开到制冷，二十四度", {"power": True, "mode": "cool", "setpoint": 24}),
    ("把空调开成制热，23度", {"power": True, "mode": "heat", "setpoint": 23}),
    ("空调开到24度", {"power": True, "setpoint": 24}),
    ("空调开到制热模式", {"mode": "heat"}),  # a mode alone is a mode change (held-out 3)
    ("空调开到制冷", {"mode": "cool"}),
    ("空调调到24度", {"setpoint": 24}),
])
def test_opened_to_on_the_ac(text: str, want: dict) -> None:
    assert got(text) == {"hvac-office": want}


def test_valves_and_blinds_have_no_switch_to_add() -> None:
    assert got("蒸汽阀开到百分之八十") == {"valve-steam": {"open": 80}}
    assert got("把百叶窗开到30%") == {"blinds-office": {"position": 30}}


DOWN_OTHER = [("把空调关掉", "hvac-office", {"power": False}), ("把二号线的蒸汽切断", "valve-steam", {"open": 0}),
              ("把冷却水泵停了", "pump-cooling", {"running": False}), ("关掉仓库的灯", "lamp-warehouse", {"power": False})]


@SLOW
@given(st.sampled_from(DOWN_OTHER), st.sampled_from(["，", "，同时", "，然后", "，顺便"]), st.sampled_from(FAN[:4]),
       st.sampled_from(sorted(LEVEL)), st.booleans())
def test_each_clause_keeps_its_way(down: tuple, joiner: str, fan: str, level: str, fan_first: bool) -> None:
    """Safety: the down clause's device goes down, the 开到 clause's fan runs; nothing else is touched."""
    said, dev, params = down
    opened = f"把{fan}开到{level}"
    text = f"{opened}{joiner}{said}" if fan_first else f"{said}{joiner}{opened}"
    assert got(text, LAST) == {dev: params, "fan-line-a": {"power": True, "speed": LEVEL[level]}}, text


@SLOW
@given(st.sampled_from(FAN[:4]), st.sampled_from(["关掉", "关了", "停下", "关小"]), st.sampled_from(["开到", "开成"]),
       st.sampled_from(sorted(LEVEL)))
def test_never_on_under_a_down_word_of_its_own_clause(fan: str, down: str, verb: str, level: str) -> None:
    """开到 in a clause with 关/停: the switch is never turned on (refused, or the value alone)."""
    for text in (f"{fan}{down}{verb}{level}", f"把{fan}{down}，{verb}{level}"):
        prop = LAST.understand(text)
        assert not any(c.params.get("power") is True for c in prop.commands), (text, prop)


def test_opened_to_adds_no_device() -> None:
    """The 开到 reading has exactly the devices of the 调到 reading (only a switch is added)."""
    for text in ["把二号线的蒸汽切断，同时把一号线的排风开到高档", "A线太闷了，排风开到中档", "传送带B开到40转",
                 "办公室空调开到制冷，二十四度", "把空调关掉，排风扇开到高档"]:
        assert set(got(text)) == set(got(text.replace("开到", "调到"))), text


def test_negated_and_conditional_opened_to_stay_refused() -> None:
    for text in ["别把排风扇开到高档", "不要把空调开到24度", "如果太热就把排风扇开到高档", "明天把排风扇开到中档"]:
        assert refused(text), text


# -- 2. a negated purpose is no negated command ----------------------------------------------------------------
LOCKING = ["把楼锁好", "锁好大门", "把门锁上", "锁门", "把大门锁上"]
KEEP_OUT = ["别让外人进来", "免得有人进来", "不要让陌生人进来", "以免外人进入", "防止有人闯进来", "别让人进来"]


@SLOW
@given(st.sampled_from(["", "下班了，", "我们走了，", "有小偷，"]), st.sampled_from(LOCKING), st.sampled_from(KEEP_OUT),
       st.sampled_from(["", "。"]))
def test_keep_out_purpose_locks(before: str, lock: str, purpose: str, end: str) -> None:
    text = f"{before}{lock}，{purpose}{end}"
    assert got(text, LAST) == {"lock-main-door": {"locked": True}}, text


UNLOCKING = ["把门锁打开", "开锁", "解锁大门", "把大门打开", "把门锁解开", "打开大门门锁"]


@SLOW
@given(st.sampled_from(["", "有人来了，", "下班了，"]), st.sampled_from(UNLOCKING), st.sampled_from(KEEP_OUT))
def test_keep_out_purpose_never_unlocks(before: str, unlock: str, purpose: str) -> None:
    """Safety: keeping people out is a reason to lock; with an unlocking verb the ask is refused, never unlocked
    (before this round "把门锁上，免得有人进来" unlocked the door: 进来 was read as "let in")."""
    text = f"{before}{unlock}，{purpose}"
    prop = LAST.understand(text)
    assert prop.refusal is not None and not any(c.params.get("locked") is False for c in prop.commands), (text, prop)


def test_the_lock_named_and_locked() -> None:
    """把门锁上: the name's 锁 is the verb too (it had been refused as "the ask does not say to lock it")."""
    for text in ["把门锁上", "门锁锁好", "把门锁上，免得有人进来"]:
        assert got(text) == {"lock-main-door": {"locked": True}}, text
    assert got("把门锁打开") == {"lock-main-door": {"locked": False}}


def test_keep_out_in_english() -> None:
    assert got("lock the main door, don't let anyone in") == {"lock-main-door": {"locked": True}}


@pytest.mark.parametrize("text", [
    "别锁门", "不要打开阀门", "别锁门，别让外人进来", "开锁，别让外人进来", "把门锁打开，免得有人进来",
    "把灯打开，别让外人进来",  # the purpose fits no lock: a negation as before
    "把门锁上，别让风扇转", "锁门，别让传送带停", "别让外人进来", "don't unlock the door, don't let anyone in",
])
def test_negations_stay_refused(text: str) -> None:
    assert refused_last(text), text


def test_keep_out_with_other_changes() -> None:
    assert got("锁好大门，关掉办公室的灯，别让外人进来") == {
        "lock-main-door": {"locked": True}, "lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}


# -- 3. input-method slips -------------------------------------------------------------------------------------
@pytest.mark.parametrize("slip, right", [
    ("把办工室台灯打开，客人要看图纸", "把办公室台灯打开"),
    ("把仓库的等关掉", "把仓库的灯关掉"),
    ("把冷确水泵停了", "把冷却水泵停了"),
    ("传送代B停下", "传送带B停下"),
    ("把办工室的等打开", "把办公室的灯打开"),
])
def test_slips_read_as_the_fleet_word(slip: str, right: str) -> None:
    assert got(slip) == got(right)


def test_the_kind_word_limits_the_devices() -> None:
    assert got("把仓库的等关掉") == {"lamp-warehouse": {"power": False}}  # not the yard siren as well


@pytest.mark.parametrize("text", ["把仓库的xx关掉", "把仓库的电视关掉", "把办公室的冰箱关掉"])
def test_an_unread_kind_word_never_means_everything_there(text: str) -> None:
    assert refused_last(text), text


def test_no_kind_word_is_still_every_device_of_the_place() -> None:
    assert got("把仓库关掉") == {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}
    assert got("把仓库的东西都关掉") == got("把仓库关掉")


def test_slips_only_where_the_fixed_word_is_a_fleet_word() -> None:
    with_lamps = TypoFixer((), ["仓库", "灯", "办公室"])
    without = TypoFixer((), ["仓库", "警报器"])
    assert with_lamps.fix("把仓库的等关掉") == "把仓库的灯关掉"
    assert without.fix("把仓库的等关掉") == "把仓库的等关掉"
    assert without.fix("把办工室台灯打开") == "把办工室台灯打开"
    assert with_lamps.fix("等一下把仓库的灯关掉") == "等一下把仓库的灯关掉"  # "wait": never a lamp
    assert with_lamps.fix("等等") == "等等"


def test_a_slip_of_a_negation_is_still_refused() -> None:
    assert refused("别把仓库的等关掉")
    assert refused("不要关办工室的灯")


# -- 4. ordinal lines ------------------------------------------------------------------------------------------
def test_ordinal_lines_with_opened_to() -> None:
    want = {"valve-steam": {"open": 0}, "fan-line-a": {"power": True, "speed": "high"}}
    for assistant in (PLAIN, LAST):
        assert got("把二号线的蒸汽切断，同时把一号线的排风开到高档。", assistant) == want
    assert got("把一号线的排风开到高档") == {"fan-line-a": {"power": True, "speed": "high"}}
