"""How the assistant words things for the operator: labels, change summaries, lists, language pick.

A summary says what the assistant will do ("Line A conveyor: stop"); :func:`before_after` says
what it changes, next to the device's current values, in the words every confirmation uses
(``console/core/commands/wording.py``, whose label tables these are): "running on → off",
"power already on"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

from console.core.commands.wording import CAP_LABELS, ENUM_WORDS, CommandWording, word_command
from console.core.protocol import DeviceMeta

if TYPE_CHECKING:
    from console.core.assistant.aliases import Aliases

_CAP_LABELS = CAP_LABELS  # one table for the assistant and every command's before → after wording
_BOOL_WORDS = {
    "en": {"running": ("start", "stop"), "locked": ("lock", "unlock"), "active": ("sound", "silence")},
    "zh": {"running": ("启动", "停止"), "locked": ("上锁", "解锁"), "active": ("鸣响", "静音")},
}
_ENUM_ZH = ENUM_WORDS["zh"]


def t(lang: str, en: str, zh: str) -> str:
    """The sentence in the utterance's language."""
    return zh if lang == "zh" else en


def label(cap: str, lang: str) -> str:
    return _CAP_LABELS.get(lang, {}).get(cap, cap)


def fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def or_list(items: Sequence[str], lang: str = "en") -> str:
    items = list(items)
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def summarize(aliases: "Aliases", meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
    """"Line A conveyor: stop" / "A线传送带：停止"."""
    name = aliases.display_name(meta, lang)
    change = describe_change(meta, params, lang)
    return f"{name}：{change}" if lang == "zh" else f"{name}: {change}"


def describe_change(meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
    """The change without the device name: "stop", "speed 60 rpm" / "停止"; switches first."""
    parts = []
    ordered = sorted(params.items(), key=lambda kv: meta.capabilities[kv[0]].type != "bool")
    for cap_name, value in ordered:
        cap = meta.capabilities[cap_name]
        if cap.type == "bool":
            pos, neg = _BOOL_WORDS[lang].get(cap_name) or (("on", "off") if lang == "en" else ("开", "关"))
            parts.append(pos if value else neg)
        elif cap.type == "enum":
            shown = _ENUM_ZH.get(value, value) if lang == "zh" else value
            parts.append(f"{label(cap_name, lang)} {shown}")
        else:
            unit = f" {cap.unit}" if cap.unit else ""
            parts.append(f"{label(cap_name, lang)} {fmt(value)}{unit}")
    return "，".join(parts) if lang == "zh" else ", ".join(parts)


def before_after(aliases: "Aliases", meta: DeviceMeta, params: Mapping[str, Any],
                 current: Mapping[str, Any] | None, lang: str = "en") -> CommandWording:
    """``params`` next to the device's ``current`` values (None: not known), named as in the summary."""
    return word_command(meta, params, current, lang=lang, device_name=aliases.display_name(meta, lang))
