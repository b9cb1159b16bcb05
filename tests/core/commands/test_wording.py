"""Before → after wording (issue 14): friendly name, capability label, current → new, the unit once,
no-ops flagged, a lock's own words; the same words in the confirmation the pipeline raises.  The
bundled demo catalog; the Chinese names from its aliases file."""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.commands.confirmation import ConfirmationRequired, confirmation_required
from console.core.commands.wording import Change, fmt_number, word_command
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet().by_id()


def words(device_id, new, current=None, **kw) -> str:
    return word_command(FLEET[device_id], new, current, **kw).text()


def test_the_issue_example_and_its_parts():
    w = word_command(FLEET["conveyor-a"], {"speed": 60, "running": True}, {"running": False, "speed": 0, "load": 3.5})
    assert w.text() == "Line A conveyor: running off → on, speed 0 → 60 rpm"  # switches first
    assert w.device == "Line A conveyor" and w.device_id == "conveyor-a" and not w.noop
    assert w.changes == (Change("running", "running", "off", "on", "", False),
                         Change("speed", "speed", "0", "60", "rpm", False))


@pytest.mark.parametrize("device_id, new, current, expected", [
    ("valve-steam", {"open": 41}, {"open": 0}, "Steam valve: opening 0 → 41 %"),
    ("lamp-office-1", {"power": True}, {"power": True, "level": 40}, "Office ceiling lamp: power already on"),
    ("lamp-office-1", {"level": 80}, {"power": True, "level": 40}, "Office ceiling lamp: brightness 40 → 80 %"),
    ("lock-main-door", {"locked": False}, {"locked": True}, "Main entrance lock: locked → unlocked"),
    ("lock-main-door", {"locked": True}, {"locked": True}, "Main entrance lock: already locked"),
    ("hvac-office", {"setpoint": 26.0}, {"setpoint": 26}, "Office air conditioner: setpoint already 26 °C"),
    ("hvac-office", {"mode": "heat", "setpoint": 21.5}, {"mode": "cool", "setpoint": 24.0},
     "Office air conditioner: mode cool → heat, setpoint 24 → 21.5 °C"),
    ("fan-line-a", {"speed": "high"}, {"speed": "high"}, "Line A exhaust fan: speed already high"),
    ("conveyor-a", {"running": True}, None, "Line A conveyor: running → on"),  # no state yet
    ("conveyor-a", {"running": True}, {"speed": 10}, "Line A conveyor: running → on"),  # running not reported
])
def test_before_after(device_id, new, current, expected):
    assert words(device_id, new, current) == expected


def test_a_no_op_is_a_no_op_only_when_every_value_is_already_there():
    conveyor = FLEET["conveyor-a"]
    assert word_command(conveyor, {"running": True, "speed": 60}, {"running": True, "speed": 60}).noop
    assert not word_command(conveyor, {"running": True, "speed": 60}, {"running": True, "speed": 30}).noop
    assert not word_command(conveyor, {"running": True}, {"running": 1}).noop  # 1 is not True
    assert not word_command(conveyor, {"running": True}, None).noop
    assert word_command(conveyor, {}, {"running": True}, action="refresh").changes_text() == "refresh"


def test_chinese_words_and_name():
    hvac = FLEET["hvac-office"]
    name = default_aliases().display_name(hvac, "zh")
    assert name == "办公室空调"  # the first zh name in demo-aliases.json
    assert words("hvac-office", {"mode": "cool", "setpoint": 26}, {"mode": "heat", "setpoint": 24.5},
                 lang="zh", device_name=name) == "办公室空调：模式 制热 → 制冷，设定温度 24.5 → 26 °C"
    assert words("lamp-office-1", {"power": True}, {"power": True}, lang="zh", device_name="办公室吊灯") == \
        "办公室吊灯：电源已是开"
    assert words("lock-main-door", {"locked": True}, {"locked": False}, lang="zh", device_name="大门锁") == \
        "大门锁：未上锁 → 已上锁"


def test_numbers_read_as_numbers():
    assert [fmt_number(v) for v in (26.0, 21.456, 0.1 + 0.2, 60, -3.25)] == ["26", "21.456", "0.3", "60", "-3.25"]


def test_the_confirmation_the_pipeline_raises_speaks_the_same_words():
    meta = FLEET["conveyor-a"]
    need = confirmation_required(meta, "set", meta.validate_params("set", {"running": True, "speed": 60}))
    assert isinstance(need, ConfirmationRequired) and need.high_risk
    assert str(need) == ("Line A conveyor: running → on, speed → 60 rpm. Send this command to conveyor-a? "
                         "This device is marked high risk.")
    assert need.wording({"running": False, "speed": 0}).text() == "Line A conveyor: running off → on, speed 0 → 60 rpm"
    assert need.wording({"running": True, "speed": 60}, lang="zh", device_name="A线传送带").text() == \
        "A线传送带：运行已是开，速度已是60 rpm"
