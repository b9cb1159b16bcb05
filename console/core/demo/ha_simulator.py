"""A Home Assistant discovery fleet, simulated: ``autoglm-console simulate --ha-discovery FILE``.

Owns: publishing, retained, each discovery config of a file (the format of
``tests/data/ha-discovery/examples.json``: a list of ``{topic, config, example_state_topic,
example_state_payload, ...}``), its example state and ``online`` on its availability topics; and
answering commands as Zigbee2MQTT does on ``…/set``: a JSON object, or a bare ``ON``/``OFF``/``LOCK``/
``OPEN``/``CLOSE``/``STOP``… (as ``{"state": …}``), is merged into the device's state, and
``…/set/<attribute>`` sets that attribute; the new state is published at once.  Other command
topics (ESPHome, Tasmota) are echoed on the matching state topic, wrapped in JSON when the state
template reads ``value_json.<key>``.  ``follow = False`` (or a topic in ``ignored``) makes a device
deaf, for TIMEOUT tests; ``received`` lists every command as it came.  One paho connection and its
network thread; ``stop(clear=True)`` removes everything it left retained.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

from console.core.ha.discovery import parse_config
from console.core.ha.model import HaEntity
from console.core.ha.state import availability_topics
from console.core.ha.topics import DEFAULT_DISCOVERY_PREFIX
from console.core.mqtt.link import BrokerConfig, make_client
from console.core.jsonfiles import read_json_file
from console.core.protocol import ProtocolError, short_repr

log = logging.getLogger(__name__)
_JSON_KEY = re.compile(r"value_json(?:\.(\w+)|\[\s*[\"'](\w+)[\"']\s*\])")
_STATE_WORDS = {  # lock/cover/valve: what a command payload becomes in the state (HA's defaults)
    "lock": {"payload_lock": ("state_locked", "LOCKED"), "payload_unlock": ("state_unlocked", "UNLOCKED")},
    "cover": {"payload_open": ("state_open", "open"), "payload_close": ("state_closed", "closed"),
              "payload_stop": ("state_stopped", "stopped")},
}
_STATE_WORDS["valve"] = _STATE_WORDS["cover"]


def json_key(template: Any) -> str | None:
    """The key a ``{{ value_json.key }}`` / ``{{ value_json["key"] }}`` template reads, if that is all it does."""
    m = _JSON_KEY.search(template) if isinstance(template, str) else None
    return (m.group(1) or m.group(2)) if m else None


def _payload(obj: Any) -> bytes:
    return (obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)).encode("utf-8")


class HaDiscoverySimulator:
    """Devices that announce themselves with HA discovery and follow their commands."""

    def __init__(self, entries: list[dict], cfg: BrokerConfig, *, prefix: str = DEFAULT_DISCOVERY_PREFIX) -> None:
        self.cfg = cfg.with_client_id(f"ha-sim-{random.getrandbits(32):08x}")
        self.prefix = prefix
        self.follow = True
        self.ignored: set[str] = set()
        self.received: list[tuple[str, bytes]] = []
        self.configs: dict[str, bytes] = {}  # discovery topic -> retained config
        self.states: dict[str, Any] = {}  # state topic -> current state (dict: JSON object)
        self.entities: list[HaEntity] = []
        self._connected = threading.Event()
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("topic"), str) or "config" not in entry:
                raise ProtocolError(f"entry {i}: needs a {{\"topic\": \"...\", \"config\": {{...}}}} object, "
                                    f"got {short_repr(entry)}")
            try:
                self._load(entry)
            except (ProtocolError, TypeError, ValueError, AttributeError, RecursionError) as exc:
                raise ProtocolError(f"entry {i} ({short_repr(entry['topic'])}): {exc or type(exc).__name__}") from None
        self._client: mqtt.Client | None = None

    @classmethod
    def from_file(cls, path: str | Path, cfg: BrokerConfig, **kw: Any) -> "HaDiscoverySimulator":
        entries = read_json_file(path, "file of discovery configs")
        if not isinstance(entries, list):
            raise ProtocolError(f"{path}: expected a JSON list of {{topic, config}} objects")
        return cls(entries, cfg, **kw)

    def _load(self, entry: dict) -> None:
        topic = str(entry["topic"])
        if self.prefix != DEFAULT_DISCOVERY_PREFIX and topic.startswith(DEFAULT_DISCOVERY_PREFIX + "/"):
            topic = self.prefix + topic[len(DEFAULT_DISCOVERY_PREFIX):]
        self.configs[topic] = _payload(entry["config"])
        self.entities += parse_config(topic, self.configs[topic], self.prefix).entities
        if entry.get("example_state_topic"):
            self.states[entry["example_state_topic"]] = entry.get("example_state_payload")
        for entity in self.entities:
            for avty in availability_topics(entity):
                online = str(avty.get("payload_available", "online"))
                key = json_key(avty.get("value_template"))
                self.states.setdefault(avty["topic"], {key: online} if key else online)

    def command_topics(self) -> set[str]:
        return {v for e in self.entities for k, v in e.config.items()
                if isinstance(v, str) and (k.endswith("command_topic") or k == "set_position_topic")}

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self, wait: float = 10.0) -> None:
        client = self._client = make_client(self.cfg, clean=True)
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.connect(self.cfg.host, self.cfg.port, keepalive=self.cfg.keepalive)
        client.loop_start()
        if not self._connected.wait(wait):
            self.stop()
            raise ConnectionError(f"HA discovery simulator: no connection to {self.cfg.url()} within {wait:g} s")

    def stop(self, clear: bool = False) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        if clear and self._connected.is_set():  # leave nothing retained behind (tests share a broker)
            infos = [client.publish(t, b"", qos=1, retain=True) for t in [*self.configs, *self.states]]
            for info in infos:
                info.wait_for_publish(2)
        client.disconnect()
        client.loop_stop()
        self._connected.clear()

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            return
        for topic in sorted(self.command_topics()):
            client.subscribe(topic, 1)
        for topic, config in self.configs.items():
            client.publish(topic, config, qos=1, retain=True)
        for topic, state in self.states.items():
            client.publish(topic, _payload(state), qos=1, retain=True)
        self._connected.set()

    # -- commands (paho's thread) ---------------------------------------------------------------------
    def _on_message(self, client, userdata, msg: mqtt.MQTTMessage) -> None:
        self.received.append((msg.topic, bytes(msg.payload)))
        if not self.follow or msg.topic in self.ignored:
            return
        text = msg.payload.decode("utf-8", "replace")
        z2m = msg.topic.endswith("/set") or "/set/" in msg.topic
        changes = self._z2m(msg.topic, text) if z2m else self._echo(msg.topic, text)
        for topic, state in changes:
            self.states[topic] = state
            client.publish(topic, _payload(state), qos=1, retain=True)

    def _z2m(self, topic: str, text: str) -> list[tuple[str, Any]]:
        """Zigbee2MQTT: ``base/set`` takes a JSON object or a bare word; ``base/set/attr`` one attribute."""
        base, attr = (topic[: -len("/set")], "") if topic.endswith("/set") else topic.rsplit("/set/", 1)
        try:
            value = json.loads(text)
        except ValueError:
            value = text
        if attr:
            update = {attr: value}
        else:
            update = value if isinstance(value, dict) else {"state": text.strip()}
        state = self.states.get(base)
        return [(base, {**(state if isinstance(state, dict) else {}), **update})]

    def _echo(self, topic: str, text: str) -> list[tuple[str, Any]]:
        """ESPHome-like: the command's value shows on the matching state topic."""
        out = []
        for entity in self.entities:
            for key, value in entity.config.items():
                if value != topic or not (key.endswith("command_topic") or key == "set_position_topic"):
                    continue
                stem = key[: -len("command_topic")] if key.endswith("command_topic") else "position_"
                state_topic = entity.config.get(f"{stem}state_topic" if stem else "state_topic") \
                    or entity.config.get(f"{stem}topic")
                if not isinstance(state_topic, str):
                    continue
                word = self._state_word(entity, text)
                template = entity.config.get(f"{stem}value_template" if not stem else f"{stem}state_template") \
                    or entity.config.get(f"{stem}template") or entity.config.get("value_template")
                jkey = json_key(template)
                state = self.states.get(state_topic)
                out.append((state_topic, {**(state if isinstance(state, dict) else {}), jkey: word} if jkey else word))
        return out

    @staticmethod
    def _state_word(entity: HaEntity, text: str) -> str:
        for payload_key, (state_key, default) in _STATE_WORDS.get(entity.component, {}).items():
            if text == str(entity.config.get(payload_key, payload_key.split("_", 1)[1].upper())):
                return str(entity.config.get(state_key, default))
        return text
