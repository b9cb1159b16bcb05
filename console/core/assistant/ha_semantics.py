"""Semantics derived for devices whose catalog declares none (Home Assistant discovery).

Reads only what the fleet model exposes: a device's ``kind`` (from its Home Assistant component:
light → lamp, climate → hvac, cover, valve, lock, siren, fan, switch; console/core/ha/device.py) and
the device_class words that show in its name or capability names (a cover named "Garage door",
a valve "Water main", a switch "Coffee outlet").  The table below is the whole derivation: kind →
what it does, and device_class → a refinement of it.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from console.core.assistant.semantics import KindMeaning, Meaning, _langs, parse_declared
from console.core.protocol import DeviceMeta

# kind → (does en, does zh, things, up, down, default)
KIND_TABLE: dict[str, dict] = {
    "lamp": {"does": {"en": "gives light", "zh": "照明"},
             "things": ["darkness", "dark", "gloomy", "pitch black", "too dim", "黑", "暗", "看不见"],
             "up": ["light up", "illuminate", "照亮", "点亮"], "down": ["lights out", "熄灯", "熄灭"],
             "default": "up"},  # "it's dark in here": darkness named alone wants the light on
    "cover": {"does": {"en": "lets daylight in", "zh": "让光线进来"},
              "things": ["sunlight", "sunshine", "sun", "daylight", "glare", "let ... light in",
                         "let ... light into", "阳光", "光线", "太阳"],
              "up": ["let ... in", "进来", "照进"],
              # glare is the daylight the cover lets in: less of it is the cover closed ("too much glare", 太晃眼)
              "down": ["keep ... out", "shut out", "block", "too sunny", "too much sun", "in my eyes", "sun ... eyes",
                       "too much glare", "so much glare", "glaring", "blinding", "挡住", "遮住", "刺眼", "晃眼"]},
    "lock": {"does": {"en": "keeps the door locked", "zh": "锁门"}, "things": ["building", "premises", "大楼"],
             "up": [], "down": ["secure", "lock up", "锁好"]},
    "siren": {"does": {"en": "warns people with a loud sound", "zh": "发出警报声"},
              "things": ["noise", "noisy", "loud", "racket", "warning", "噪音", "噪声", "吵", "警告"],
              "up": ["warn", "alert", "sound", "警告"], "down": ["quiet", "silence", "too loud", "too noisy", "安静"],
              "described": ["howling", "howl", "wailing", "beeping", "blaring", "叫", "响", "呜呜", "嘀嘀"]},
    "valve": {"does": {"en": "lets the flow through", "zh": "让流体通过"}, "things": ["flow", "supply"],
              "up": ["let ... through", "通过"], "down": ["cut off", "切断"], "described": ["hissing", "hiss", "嘶嘶"]},
    "fan": {"does": {"en": "moves air", "zh": "排风换气"},
            "things": ["fumes", "smoke", "smoky", "smell", "stink", "stuffy", "fresh air", "air", "ventilation",
                       "闷", "烟", "臭", "换气", "通风", "抽风"],
            "up": ["ventilate", "clear", "blow", "air out", "air ... out", "换气", "通风"], "down": [], "default": "up",
            "described": ["whooshing", "whoosh", "whirring", "blowing", "呼呼", "吹风"],
            # what it takes away: "no more fumes" is not "fan off"; "ventilation off" is
            "removes": ["fumes", "smoke", "smoky", "smell", "stink", "stuffy", "闷", "烟", "臭"]},
    "hvac": {"does": {"en": "cools or heats the air", "zh": "制冷或制热"},
             "things": ["temperature", "too hot", "too cold", "太热", "太冷"], "up": [], "down": []},
    "switch": {"does": {"en": "switches power to something", "zh": "接通电源"}, "things": ["power", "电源"],
               "up": [], "down": []},
}

# device_class word (in the device's name or capability names) → extra things and a new "does"
CLASS_TABLE: dict[tuple[str, str], dict] = {
    ("cover", "garage"): {"does": {"en": "lets cars in and out", "zh": "让车辆进出"}, "things": ["car", "cars", "车"]},
    ("cover", "gate"): {"does": {"en": "lets vehicles and people through", "zh": "让车辆和行人通过"},
                        "things": ["car", "cars", "visitors", "车"]},
    ("cover", "door"): {"does": {"en": "lets people through", "zh": "让人通过"}, "things": ["people", "visitors"]},
    ("valve", "water"): {"does": {"en": "lets water through", "zh": "让水通过"}, "things": ["water", "水"]},
    ("valve", "gas"): {"does": {"en": "lets gas through", "zh": "让燃气通过"}, "things": ["gas", "燃气", "煤气"]},
    ("switch", "outlet"): {"does": {"en": "powers what is plugged in", "zh": "给插座供电"},
                           "things": ["socket", "plug", "插座"]},
}


def _class_words(meta: DeviceMeta) -> set[str]:
    words = set(re.findall(r"[a-z]+", meta.name.lower()))
    for cap in meta.capabilities:
        words.update(re.findall(r"[a-z]+", cap.lower()))
    return words


def derive(metas: Sequence[DeviceMeta]) -> Meaning:
    """Kind meanings for the kinds present, and each device's device_class things."""
    kinds: dict[str, KindMeaning] = {}
    device_things: dict[str, tuple[str, ...]] = {}
    for m in metas:
        base = KIND_TABLE.get(m.kind)
        if base is None:
            continue
        if m.kind not in kinds:
            kinds[m.kind] = KindMeaning(m.kind, base["does"], _langs(base["things"], m.kind),
                                        _langs(base["up"], m.kind), _langs(base["down"], m.kind), base.get("default"),
                                        _langs(base.get("removes"), m.kind), described=_langs(base.get("described"), m.kind))
        extra: list[str] = []
        for (kind, word), spec in CLASS_TABLE.items():
            if kind == m.kind and word in _class_words(m):
                extra += spec["things"]
        if extra:
            device_things[m.id] = _langs(extra, m.id)
    return Meaning(kinds, device_things, {}, {})


def meaning_for(metas: Sequence[DeviceMeta], declared: Mapping[str, Any] | None) -> Meaning:
    """The declared semantics, with the derived ones (below) for kinds it does not declare."""
    own = parse_declared(declared)
    derived = derive(metas)
    kinds = dict(derived.kinds)
    kinds.update(own.kinds)
    return Meaning(kinds, {**derived.device_things, **own.device_things},
                   {**derived.device_ordinal, **own.device_ordinal}, {**derived.zone_ordinal, **own.zone_ordinal})
