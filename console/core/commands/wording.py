"""Before → after wording of a command, for every place that shows or confirms one (issue 14).

``word_command(meta, new, current)`` turns a command into what an operator reads: the device's
friendly name, each capability's label, its current value → the new one, the unit once, and a
flag where nothing changes: "Line A conveyor: running off → on, speed 0 → 60 rpm",
"Office ceiling lamp: power already on".  Booleans read on/off, or the capability's own words where
they name the state (a lock reads "locked → unlocked", no label); enums by value; numbers without
a useless ".0".  A current value that is not known (no state yet) reads "speed → 60 rpm".

Languages: ``lang`` is "en" or "zh".  The words (capability labels, on/off, enum values, the
"already" frame) come from the tables below; the device's Chinese name is the caller's to give
(``device_name``: the first zh alias, ``console.core.assistant.aliases.Aliases.display_name``).
The result is structured (:class:`Change`: label, old, new, unit, no-op) so a Qt caller can put the
outer frame ("{device}: {changes}") through its own translator and keep these words.  Qt-free.

Command states as the operator reads them: :func:`state_label` gives a :class:`console.core.i18n.Msg`
(context "CommandState"; English is the state's own name, "SUCCEEDED"), translated by the views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from console.core.i18n import QT_TRANSLATE_NOOP, Msg
from console.core.protocol import Capability, CommandState, DeviceMeta, cut_text

STATE_LABELS = {
    CommandState.QUEUED: QT_TRANSLATE_NOOP("CommandState", "QUEUED"),
    CommandState.SENT: QT_TRANSLATE_NOOP("CommandState", "SENT"),
    CommandState.DELIVERED: QT_TRANSLATE_NOOP("CommandState", "DELIVERED"),
    CommandState.ACCEPTED: QT_TRANSLATE_NOOP("CommandState", "ACCEPTED"),
    CommandState.SUCCEEDED: QT_TRANSLATE_NOOP("CommandState", "SUCCEEDED"),
    CommandState.REJECTED: QT_TRANSLATE_NOOP("CommandState", "REJECTED"),
    CommandState.FAILED: QT_TRANSLATE_NOOP("CommandState", "FAILED"),
    CommandState.TIMEOUT: QT_TRANSLATE_NOOP("CommandState", "TIMEOUT"),
    CommandState.EXPIRED: QT_TRANSLATE_NOOP("CommandState", "EXPIRED"),
    CommandState.CANCELLED: QT_TRANSLATE_NOOP("CommandState", "CANCELLED"),
}

CAP_LABELS = {
    "en": {"level": "brightness", "setpoint": "setpoint", "open": "opening", "position": "position",
           "speed": "speed", "flow": "flow", "mode": "mode", "pattern": "pattern", "temp": "temperature"},
    "zh": {"level": "亮度", "setpoint": "设定温度", "open": "开度", "position": "位置", "speed": "速度",
           "flow": "流量", "mode": "模式", "pattern": "模式", "power": "电源", "running": "运行",
           "active": "警报", "locked": "锁", "temp": "温度", "humidity": "湿度", "load": "负载",
           # Home Assistant devices' usual capability names
           "brightness": "亮度", "color_temp": "色温", "contact": "开合", "relay": "继电器", "temperature": "温度",
           "action": "动作", "state": "状态", "occupancy": "有人", "battery": "电量", "illuminance": "照度",
           "current_temperature": "当前温度", "target_temperature": "目标温度", "hvac_mode": "模式"},
}
ENUM_WORDS = {"zh": {"cool": "制冷", "heat": "制热", "fan": "送风", "auto": "自动", "low": "低速",
                     "medium": "中速", "high": "高速", "steady": "常响", "pulse": "脉冲", "wail": "警笛"}}
ON_OFF = {"en": ("on", "off"), "zh": ("开", "关")}
# (true, false) words that name the state themselves: the label is left out ("locked → unlocked")
STATE_WORDS = {"en": {"locked": ("locked", "unlocked")}, "zh": {"locked": ("已上锁", "未上锁")}}
FRAMES = {
    "en": {"change": "{label} {old} → {new}", "unknown": "{label} → {new}", "noop": "{label} already {new}",
           "sep": ", ", "device": "{device}: {changes}", "refresh": "refresh"},
    "zh": {"change": "{label} {old} → {new}", "unknown": "{label} → {new}", "noop": "{label}已是{new}",
           "sep": "，", "device": "{device}：{changes}", "refresh": "刷新"},
}


def state_label(state: CommandState | str) -> Msg:
    """A command state as the operator reads it (English: its name; the views translate the Msg)."""
    try:
        return STATE_LABELS[CommandState(state)]
    except ValueError:
        return Msg("CommandState", str(state))


def lang_of(lang: str) -> str:
    return "zh" if lang == "zh" else "en"


def cap_label(cap: str, lang: str = "en") -> str:
    """The capability's label: "brightness" for ``level``, "亮度" in Chinese; else its name."""
    return CAP_LABELS.get(lang_of(lang), {}).get(cap, cap.replace("_", " "))


def fmt_number(v: Any) -> str:
    """26.0 → "26", 21.456 → "21.456", 0.1 + 0.2 → "0.3"."""
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return f"{round(v, 3):g}" if abs(v) < 1e6 else str(round(v, 3))
    return str(v)


def value_words(cap: Capability, value: Any, lang: str = "en") -> str:
    """One value of ``cap`` in words, without its unit: "on", "locked", "cool"/"制冷", "60"."""
    lang = lang_of(lang)
    if cap.type == "bool" and isinstance(value, bool):
        yes, no = STATE_WORDS[lang].get(cap.name) or ON_OFF[lang]
        return yes if value else no
    if cap.type == "enum" and isinstance(value, str):
        return ENUM_WORDS.get(lang, {}).get(value, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_number(value)
    return cut_text(value, 40)


def same_value(cap: Capability, old: Any, new: Any) -> bool:
    """Whether the device already shows ``new`` (26 and 26.0 are one setpoint; 1 is not True)."""
    if old is None or isinstance(old, bool) != isinstance(new, bool):
        return False
    if cap.type == "bool" or cap.type == "enum":
        return old == new
    return isinstance(old, (int, float)) and old == new


@dataclass(frozen=True)
class Change:
    """One capability of a command: ``old`` → ``new`` in words (``old`` None: not known)."""

    capability: str
    label: str  # "" where the value words name the state themselves (a lock)
    old: str | None
    new: str
    unit: str = ""
    noop: bool = False  # the device already shows the new value

    def text(self, lang: str = "en") -> str:
        """"speed 0 → 60 rpm", "locked → unlocked", "power already on" / "电源已是开"."""
        frames = FRAMES[lang_of(lang)]
        new = f"{self.new} {self.unit}" if self.unit else self.new
        if self.noop:
            return frames["noop"].format(label=self.label, new=new).strip()
        if self.old is None:
            return frames["unknown"].format(label=self.label, new=new).strip()
        return frames["change"].format(label=self.label, old=self.old, new=new).strip()


@dataclass(frozen=True)
class CommandWording:
    """A command in words: the device's name and each change, switches first."""

    device_id: str
    device: str
    changes: tuple[Change, ...]
    lang: str = "en"
    action: str = "set"

    @property
    def noop(self) -> bool:
        """Nothing would change: the device already shows every value."""
        return bool(self.changes) and all(c.noop for c in self.changes)

    def changes_text(self) -> str:
        """"running off → on, speed 0 → 60 rpm" (without the device)."""
        frames = FRAMES[lang_of(self.lang)]
        if not self.changes:
            return frames["refresh"] if self.action == "refresh" else self.action
        return frames["sep"].join(c.text(self.lang) for c in self.changes)

    def text(self) -> str:
        """"Line A conveyor: running off → on, speed 0 → 60 rpm"."""
        return FRAMES[lang_of(self.lang)]["device"].format(device=self.device, changes=self.changes_text())


def word_change(cap: Capability, new: Any, current: Mapping[str, Any] | None, lang: str = "en") -> Change:
    """One capability's change, from its current value in ``current`` (absent: not known)."""
    lang = lang_of(lang)
    old = None if current is None else current.get(cap.name)
    own_words = cap.type == "bool" and cap.name in STATE_WORDS[lang]
    return Change(
        capability=cap.name,
        label="" if own_words else cap_label(cap.name, lang),
        old=None if old is None else value_words(cap, old, lang),
        new=value_words(cap, new, lang),
        unit=cap.unit if cap.type in ("int", "float") else "",
        noop=same_value(cap, old, new),
    )


def word_command(meta: DeviceMeta, new: Mapping[str, Any], current: Mapping[str, Any] | None = None, *,
                 lang: str = "en", device_name: str | None = None, action: str = "set") -> CommandWording:
    """``new`` (validated against ``meta``) for ``meta``'s device, each value next to its current one
    (``current``: the device's last state values, None when not known)."""
    ordered = sorted(new.items(), key=lambda kv: _cap(meta, kv[0]).type != "bool")
    changes = tuple(word_change(_cap(meta, name), value, current, lang) for name, value in ordered)
    return CommandWording(meta.id, device_name or meta.name, changes, lang_of(lang), action)


def _cap(meta: DeviceMeta, name: str) -> Capability:
    """The capability, or a stand-in for a value the meta does not declare (worded as it is)."""
    return meta.capabilities.get(name) or Capability(name, "float")
