"""Home Assistant MQTT discovery: devices announced by Zigbee2MQTT, ESPHome, Tasmota, Shelly ...

Qt-free.  Feed every message under the discovery prefix and on :meth:`HaFleet.subscriptions` to
:meth:`HaFleet.handle`; read :meth:`HaFleet.metas` (DeviceMeta, like native devices) and values; turn
validated params into publishes with :meth:`HaFleet.commands`; detect success with
:meth:`HaFleet.confirms` / :meth:`HaFleet.optimistic`.
"""

from console.core.ha.commands import Publish
from console.core.ha.fleet import FleetEvent, HaFleet
from console.core.ha.templates import STATS as TEMPLATE_STATS
from console.core.ha.templates import TemplateError, TemplateRefused
from console.core.ha.topics import DEFAULT_DISCOVERY_PREFIX, discovery_filters

__all__ = [
    "DEFAULT_DISCOVERY_PREFIX", "FleetEvent", "HaFleet", "Publish", "TEMPLATE_STATS", "TemplateError",
    "TemplateRefused", "discovery_filters",
]
