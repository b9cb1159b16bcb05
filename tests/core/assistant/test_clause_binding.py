"""Issue 17, set 13: one clause's value, direction or device never leaks into another clause's command.

Property tests (hypothesis) over two or three clauses, each about a different device (by name, by zone + kind, or
by effect) with its own verb and value drawn independently, in English and Chinese: every proposed command's
params are exactly its own clause's (or the whole ask is refused), never a value or a direction from another.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.fleet.catalog import load_fleet

ASSISTANT = Assistant(load_fleet(), default_aliases())


def _read(text: str) -> list[tuple[str, dict]] | None:
    prop = ASSISTANT.understand(text)
    return None if prop.refusal is not None else sorted((c.device_id, dict(c.params)) for c in prop.commands)


def test_ceiling_lamp_level_does_not_take_the_desk_lamps_off() -> None:
    assert _read("办公室顶灯调到百分之五十，台灯关掉") == [("lamp-office-1", {"level": 50}),
                                                      ("lamp-office-2", {"power": False})]


def test_sunlight_clause_takes_its_own_default_not_the_setpoint() -> None:
    got = dict(_read("Warm the office to 23 and let the sunlight in.") or [])
    assert got["blinds-office"] == {"position": 100}
    assert got["hvac-office"]["setpoint"] == 23


def test_effect_clause_is_not_dropped_beside_another() -> None:
    assert _read("把仓库照亮，同时警告大家") == [("lamp-warehouse", {"power": True}), ("siren-yard", {"active": True})]


def test_a_bare_place_continues_the_clause_before_it() -> None:
    assert _read("lock the door and stop the conveyors on line a and line b") == [
        ("conveyor-a", {"running": False}), ("conveyor-b", {"running": False}), ("lock-main-door", {"locked": True})]


def test_listed_conveyors_in_chinese_are_both_or_refused() -> None:
    got = _read("停止一号线的传送带和二号线的传送带")
    assert got is None or got == [("conveyor-a", {"running": False}), ("conveyor-b", {"running": False})]


# one clause = (device, params, English text, Chinese text); each device only once per ask
def _lamp1(v: int) -> tuple:
    return ("lamp-office-1", {"level": v}, f"set the office ceiling lamp to {v}%", f"办公室顶灯调到百分之{v}")


def _lamp2(on: bool) -> tuple:
    return ("lamp-office-2", {"power": on}, f"turn {'on' if on else 'off'} the desk lamp", "台灯打开" if on else "台灯关掉")


def _hvac(v: int) -> tuple:
    return ("hvac-office", {"setpoint": float(v)}, f"set the office air conditioner to {v} degrees",
            f"把办公室空调设到{v}度")


def _blinds(open_: bool) -> tuple:
    return ("blinds-office", {"position": 100 if open_ else 0},
            "let the sunlight in" if open_ else "close the office blinds", "把百叶窗打开" if open_ else "把百叶窗关上")


def _siren(on: bool) -> tuple:
    return ("siren-yard", {"active": on}, "sound the yard siren" if on else "silence the yard siren",
            "拉响警报" if on else "把警报关掉")


def _conveyor(running: bool) -> tuple:
    return ("conveyor-a", {"running": running}, f"{'start' if running else 'stop'} the line a conveyor",
            f"{'启动' if running else '停止'}A线传送带")


def _lock(locked: bool) -> tuple:
    return ("lock-main-door", {"locked": locked}, f"{'lock' if locked else 'unlock'} the main door",
            "把大门锁上" if locked else "把大门解锁")


def _flood(on: bool) -> tuple:  # by zone + kind
    return ("lamp-warehouse", {"power": on}, f"turn {'on' if on else 'off'} the warehouse light",
            "把仓库的灯打开" if on else "把仓库的灯关掉")


def _fan(on: bool) -> tuple:  # on by its effect, off by zone + kind
    return ("fan-line-a", {"power": on}, "clear the smoke on line a" if on else "turn off the line a fan",
            "A线排烟" if on else "把A线的排风扇关掉")


def _pump(v: int | None) -> tuple:  # a flow value by name, or "off" by effect
    if v is None:
        return ("pump-cooling", {"running": False}, "cut the coolant", "把冷却水关掉")
    return ("pump-cooling", {"flow": float(v)}, f"set the pump to {v} l/min", f"把冷却水泵调到{v}")


def _valve(v: int) -> tuple:
    return ("valve-steam", {"open": v}, f"open the steam valve to {v}%", f"把蒸汽阀开到{v}%")


CLAUSES = st.one_of(
    st.integers(10, 90).map(_lamp1), st.booleans().map(_lamp2), st.integers(17, 28).map(_hvac),
    st.booleans().map(_blinds), st.booleans().map(_siren), st.booleans().map(_conveyor), st.booleans().map(_lock),
    st.booleans().map(_flood), st.booleans().map(_fan), st.one_of(st.none(), st.integers(10, 90)).map(_pump),
    st.integers(10, 90).map(_valve))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CLAUSES, min_size=2, max_size=3, unique_by=lambda c: c[0]), st.sampled_from(["en", "zh"]))
def test_every_command_carries_only_its_own_clauses_params(clauses: list[tuple], lang: str) -> None:
    text = " and ".join(c[2] for c in clauses) if lang == "en" else "，".join(c[3] for c in clauses)
    got = _read(text)
    if got is None:
        return  # refused as a whole: allowed; a partial or leaking proposal is not
    want = {c[0]: c[1] for c in clauses}
    for device, params in got:
        assert device in want, (text, got)
        for key, value in params.items():
            assert key in want[device], f"{text!r}: {device} got {key}={value!r} from another clause: {got}"
            assert value == want[device][key], f"{text!r}: {device} {key}={value!r}, not its clause's {want[device]}"
    assert {d for d, _ in got} == set(want), f"{text!r}: a part dropped silently: {got}"
