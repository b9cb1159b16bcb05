"""Session 10 (fixer b, Chinese): over-refusals mended as classes — 响一下 / 开下锁 verbs (lexicon, direction), a drill
or routine test as the siren's reason (world_reasons_zh, as_before), a demonstrative before 大灯 (size_words_zh), a
nuisance no longer there (symptom_over: 不臭了), a degree complement as "too" (degree_words_zh: 晒得厉害), people
outside (outdoors: 外面有访客), an "also" errand not bound by the place before it (also_asks), a test run about to
start as the warning's reason.  The asks that must now work, nearby asks that keep their old meaning, and the
harmful variants that stay refused."""

from __future__ import annotations

import pytest

from console.core.assistant.also_asks import joined_by_also
from console.core.assistant.degree_words_zh import too_much
from console.core.assistant.direction import lock_ways
from console.core.assistant.world_reasons_zh import event_reason
from tests.core.assistant.helpers import ASSISTANT, refused, understood

SIREN_ON = {"siren-yard": {"active": True}}
SIREN_OFF = {"siren-yard": {"active": False}}
SIREN_PULSE = {"siren-yard": {"active": True, "pattern": "pulse"}}
BLINDS_SHUT = {"blinds-office": {"position": 0.0}}
FAN_OFF = {"fan-line-a": {"power": False}}
FAN_ON = {"fan-line-a": {"power": True}}
UNLOCKED = {"lock-main-door": {"locked": False}}
LOCKED = {"lock-main-door": {"locked": True}}
FLOOD_ON = {"lamp-warehouse": {"power": True}}
FLOOD_OFF = {"lamp-warehouse": {"power": False}}
STEAM_SHUT = {"valve-steam": {"open": 0.0}}


# -- 响一下 / 响一声: the siren's verb with its place word (院子的X, 院子里的X, 院子X) ------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("院子的警报器响一下", SIREN_ON),
    ("院子里的警报器响一下", SIREN_ON),
    ("院子警报器响一下", SIREN_ON),
    ("院子的警报器响一声", SIREN_ON),
    ("院子警报器响一响", SIREN_ON),
    ("警报器鸣一下", SIREN_ON),
    ("院子的警报器响两声", SIREN_ON),
    ("院子的警报器响几声", SIREN_ON),
    ("院子的警报器关掉", SIREN_OFF),  # the old meaning
    ("院子的警报器别响了", SIREN_OFF),
])
def test_siren_sound_once(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["不要让院子的警报器响一下", "明天院子的警报器响一下", "院子的警报器"])
def test_siren_sound_once_refused(text):
    assert refused(text)


# -- 开下锁: unlock with 一下 inside, never "lock" ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("帮忙开下锁", UNLOCKED), ("开一下锁", UNLOCKED), ("解一下锁", UNLOCKED), ("解下锁", UNLOCKED),
    ("锁一下门", LOCKED), ("大门锁一下", LOCKED),
])
def test_open_the_lock_a_bit(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, ways", [
    ("开下锁", {"unlock"}), ("开一下锁", {"unlock"}), ("解下锁", {"unlock"}), ("锁一下门", {"lock"}), ("锁上", {"lock"}),
])
def test_lock_ways_of_open_a_bit(text, ways):
    assert lock_ways(text) == ways


def test_open_the_lock_negated_refused():
    assert refused("别开下锁")


# -- a drill or a routine test as the reason after a siren command ------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("院子的警报器响一下，我们在演练", SIREN_ON),
    ("院子的警报器响一下，月度测试", SIREN_ON),
    ("院子的警报器响一下，演习", SIREN_ON),
    ("院子里用脉冲模式响起来，演习", SIREN_PULSE),
    ("演习，院子里用脉冲模式响起来", SIREN_PULSE),
    ("警报器打开，这是演习", SIREN_ON),
    ("警报器响一下，例行试鸣", SIREN_ON),
    ("关掉警报器，演习结束了", SIREN_OFF),  # the old meaning
])
def test_drill_and_test_reasons(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "警报器关掉，演习",  # a drill never silences the siren
    "演习，警报器关掉",
    "演习",  # a reason alone does nothing
    "月度测试",
    "院子的警报器响一下，明天演习",  # a schedule stays refused
    "别开警报器，演习",  # a negation stays refused
])
def test_drill_reasons_that_stay_refused(text):
    assert refused(text)


@pytest.mark.parametrize("clause, kind", [
    ("演习", "drill"), ("我们在演练", "drill"), ("这是演习", "drill"), ("月度测试", "drill"), ("例行试鸣", "drill"),
    ("演习结束了", "drill_over"), ("演习室", None), ("测试", None), ("警报器响一下", None),
])
def test_drill_clauses(clause, kind):
    assert event_reason(clause) == kind


# -- 仓库那个大灯: a place with one lamp, a demonstrative between ------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("仓库那个大灯打开", FLOOD_ON),
    ("仓库那个大灯打开，叉车要进去", FLOOD_ON),
    ("仓库里的那盏大灯关掉", FLOOD_OFF),
    ("仓库大灯打开", FLOOD_ON),  # the old meaning
])
def test_big_light_with_demonstrative(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["那个大灯打开", "一号线那个大灯打开"])  # no place / a place with no lamp
def test_big_light_without_its_place_refused(text):
    assert refused(text)


# -- a nuisance no longer there: 不臭了 / 不呛了 / 没味了 ----------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号线不臭了，排风可以关了", FAN_OFF),
    ("一号线不呛了，排风扇关掉", FAN_OFF),
    ("没味了，排风扇关了", FAN_OFF),
    ("一号线还是很臭，排风扇打开", FAN_ON),  # the old meaning: still a nuisance
    ("一号线太臭了，排风扇打开", FAN_ON),
])
def test_nuisance_no_longer(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "一号线不臭了",  # over, alone: nothing to do, never the fan on (it had switched it on)
    "一号线没味了",
    "一号线不呛了",
    "一号线不臭了，排风扇打开",  # over, and start what deals with it: both ways
])
def test_nuisance_no_longer_never_starts(text):
    prop = ASSISTANT.understand(text)
    assert not any(c.params.get("power") is True for c in prop.commands)
    assert refused(text)


# -- 晒得厉害 = 太晒 (a degree complement is "too") -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("太阳晒得厉害", BLINDS_SHUT),
    ("太阳太晒了", BLINDS_SHUT),  # the old meaning
    ("院子吵得厉害", SIREN_OFF),
    ("仓库暗得很", FLOOD_ON),
    ("太阳晒得厉害，百叶窗拉上", BLINDS_SHUT),
])
def test_degree_complement_as_too(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, out", [
    ("太阳晒得厉害", "太阳太晒"), ("吵得要命", "太吵"), ("暗得很", "太暗"), ("跑得很快", "跑得很快"), ("台灯关掉", "台灯关掉"),
])
def test_too_much(text, out):
    assert too_much(text) == out


@pytest.mark.parametrize("text", ["太阳晒得厉害，把百叶窗打开", "传送带跑得很快"])
def test_degree_complement_refused(text):
    assert refused(text)


# -- 外面 where people are or see from: no place of the ask ---------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("百叶窗拉上，外面能看到里面", BLINDS_SHUT),
    ("从外面看得见里面，百叶窗关上", BLINDS_SHUT),
    ("外面有访客进不来，帮忙开下锁", UNLOCKED),
    ("外面的人进不来，开锁", UNLOCKED),
])
def test_people_outside(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["外面的灯打开", "外面能看到里面", "外面有访客进不来"])
def test_outside_still_a_place_or_nothing(text):
    assert refused(text)


# -- 顺便: an errand of its own, not bound by the situation's place -----------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("仓库太暗了，顺便把蒸汽切断", {**FLOOD_ON, **STEAM_SHUT}),
    ("仓库太暗了，顺便把冷却水停了", {**FLOOD_ON, "pump-cooling": {"running": False}}),
    ("the warehouse is too dark, also shut off the steam", {**FLOOD_ON, **STEAM_SHUT}),
    ("一号线太闷了，顺便把蒸汽切断", {**FAN_ON, **STEAM_SHUT}),
])
def test_also_errand_not_bound(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, joined", [
    ("仓库太暗了,顺便把蒸汽切断", True), ("仓库太暗了,把蒸汽切断", False), ("dark in here, also shut the steam", True),
    ("open the valve and the blinds", False),
])
def test_joined_by_also(text, joined):
    assert joined_by_also(text) is joined


@pytest.mark.parametrize("text", ["仓库太暗了，顺便把蒸汽打开吧，别关", "仓库太暗了，另外把传送带停了"])
def test_also_errand_refused(text):
    assert refused(text)


# -- a test run about to start: why the warning ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("提醒大家，马上开始高速试车", SIREN_ON),
    ("马上开始高速试车，提醒大家", SIREN_ON),
    ("提醒大家，马上开始试车", SIREN_ON),
])
def test_test_run_warning(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["马上开始高速试车", "提醒大家，马上开始高速试车，别开警报"])
def test_test_run_refused(text):
    assert refused(text)
