"""Field checks of a normalised discovery config, before it becomes an entity: what Home Assistant's
own config schema refuses and the platform builders would otherwise take silently.

Owns: :func:`check_config` (ProtocolError naming the key): every topic (``*_topic``,
``availability[].topic``) is one exact topic or absent (``topics.topic_problem``: a wildcard state
topic subscribed the console to the whole broker), and every text field (``name``, ``device.name``,
``unit_of_measurement`` ...) is text, a number or absent, not a list or an object (``"name": ["a", 1]``
named the device "['a', 1]").  Pure; any thread.
"""

from __future__ import annotations

from typing import Any

from console.core.ha.topics import topic_problem
from console.core.protocol import ProtocolError, short_repr

TEXT_KEYS = ("name", "unique_id", "object_id", "device_class", "unit_of_measurement", "icon", "state_class",
             "entity_category", "suggested_display_precision")
DEVICE_TEXT_KEYS = ("name", "manufacturer", "model", "model_id", "suggested_area", "sw_version", "hw_version",
                    "serial_number", "via_device")


def check_config(key: str, config: dict[str, Any]) -> None:
    """Raise ProtocolError naming the first field of ``config`` that is not what its key needs."""
    avty = config.get("availability")
    listed = [(f"availability[{i}].topic", a.get("topic")) for i, a in enumerate(avty if isinstance(avty, list) else ())
              if isinstance(a, dict)]
    for name, topic in [*((k, v) for k, v in config.items() if k.endswith("topic")), *listed]:
        problem = None if topic is None or topic == "" else topic_problem(topic)
        if problem:
            raise ProtocolError(f"config {key!r}: {name} {problem}")
    device = config.get("device")
    texts = [(k, config.get(k)) for k in TEXT_KEYS]
    texts += [(f"device.{k}", device.get(k)) for k in DEVICE_TEXT_KEYS] if isinstance(device, dict) else []
    for name, value in texts:
        if isinstance(value, (list, dict, tuple, set)):
            raise ProtocolError(f"config {key!r}: {name} must be text, not {short_repr(value)}")
