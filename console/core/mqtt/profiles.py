"""Connection profiles: several brokers, one active.  Qt-free: the UI persists them in QSettings
through ``to_settings``/``from_settings`` (plain dicts); passwords live in the OS keyring only.
A profile without a client id connects with one made up once and kept (``mqtt.client_ids``)."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from console.core.mqtt.client_ids import profile_key, stable_client_id
from console.core.mqtt.link import BrokerConfig
from console.core.protocol import DEFAULT_PREFIX
from console.core.mqtt.secrets import SecretStore

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
NAME_RE = re.compile(r"^[\w .@:-]{1,64}$")
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{0,64}$")
PREFIX_RE = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the field and what is wrong with it."""


@dataclass(frozen=True)
class ConnectionProfile:
    name: str
    host: str = "127.0.0.1"
    port: int = 1883
    protocol: str = "5"
    tls: bool = False
    ca_file: str = ""
    certfile: str = ""
    keyfile: str = ""
    insecure: bool = False
    username: str = ""
    client_id: str = ""
    prefix: str = DEFAULT_PREFIX
    ha_prefix: str = "homeassistant"  # Home Assistant discovery prefix ("": discovery off)
    keepalive: int = 30
    session_expiry_s: int = 3600

    def validate(self) -> "ConnectionProfile":
        if not NAME_RE.match(self.name or ""):
            raise ProfileError("name: 1–64 letters, digits, spaces or . @ : - _")
        if not self.host.strip():
            raise ProfileError("host: enter the broker's host name or address")
        if not 1 <= int(self.port) <= 65535:
            raise ProfileError(f"port: {self.port} is not between 1 and 65535")
        if self.protocol not in ("5", "3.1.1"):
            raise ProfileError("protocol: choose MQTT 5 or 3.1.1")
        if not CLIENT_ID_RE.match(self.client_id):
            raise ProfileError("client id: up to 64 letters, digits, - or _ (empty: one is made up once and kept)")
        if not PREFIX_RE.match(self.prefix):
            raise ProfileError("topic prefix: letters, digits, - and _, levels separated by /, no wildcards")
        if self.ha_prefix and not PREFIX_RE.match(self.ha_prefix):
            raise ProfileError("discovery prefix: letters, digits, - and _, levels separated by /, no wildcards (empty: off)")
        if self.keyfile and not self.certfile:
            raise ProfileError("client certificate: a client key needs its certificate file")
        if self.insecure and not self.tls:
            raise ProfileError("insecure: only applies to TLS connections")
        return self

    def broker_config(self, password: str = "", *, stable_id: bool = False) -> BrokerConfig:
        """The BrokerConfig; ``stable_id``: an empty client id becomes this installation's kept one."""
        client_id = self.client_id or (stable_client_id(profile_key(self.name)) if stable_id else "")
        return BrokerConfig(
            host=self.host.strip(), port=int(self.port), tls=self.tls, ca_file=self.ca_file, certfile=self.certfile,
            keyfile=self.keyfile, insecure=self.insecure, username=self.username, password=password,
            client_id=client_id, protocol=self.protocol, keepalive=self.keepalive,
            session_expiry_s=self.session_expiry_s, prefix=self.prefix, ha_prefix=self.ha_prefix, profile=self.name,
        )

    def url(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"

    def to_settings(self) -> dict[str, Any]:
        """Everything but the password (there is no password field to leak)."""
        return asdict(self)

    @classmethod
    def from_settings(cls, raw: dict[str, Any], problems: list[str] | None = None) -> "ConnectionProfile":
        """A stored profile.  A field that cannot be read (a port of "abc", a list, binary junk from a
        damaged file) keeps its default and is described in ``problems``: the profile is not lost,
        and :meth:`ProfileSet.active_config` refuses to connect with it until it is fixed."""
        known = {f.name: f for f in fields(cls)}
        name = raw.get("name")
        if not isinstance(name, (str, int)) or isinstance(name, bool) or not str(name).strip():
            raise ProfileError(f"a stored profile has no usable name ({name!r})")
        out: dict[str, Any] = {}
        for key, value in raw.items():
            f = known.get(key)
            if f is None:
                continue
            try:
                if value is None:  # stored but unreadable (QSettings gives None for a damaged @Variant)
                    raise ValueError(key)
                out[key] = _field_value(f.type, value)
            except (TypeError, ValueError, OverflowError):
                if problems is not None:
                    problems.append(f"{key} {_shown(value)} cannot be read (the default {f.default!r} stands in)")
        return cls(**out)


def _field_value(ftype: Any, value: Any) -> Any:
    if ftype in ("bool", bool):  # QSettings (ini) gives "true"/"false" strings back
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word not in ("true", "1", "yes", "false", "0", "no", ""):
            raise ValueError(word)
        return word in ("true", "1", "yes")
    if ftype in ("int", int):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise TypeError(type(value).__name__)
        number = float(value)  # "1883", 1883 and 1883.0 alike
        if not number.is_integer():
            raise ValueError(value)
        return int(number)
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TypeError(type(value).__name__)
    return str(value)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass
class ProfileSet:
    """The profiles and which one is active; ``load``/``save`` go through a dict-like store."""

    profiles: dict[str, ConnectionProfile]
    active: str = ""
    # what could not be read from the stored settings, by profile name ("" for the set itself)
    problems: dict[str, list[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def default(cls) -> "ProfileSet":
        local = ConnectionProfile(name="Local Mosquitto")
        return cls({local.name: local}, local.name)

    def upsert(self, profile: ConnectionProfile, old_name: str | None = None) -> None:
        profile.validate()
        if old_name and old_name != profile.name:
            self.profiles.pop(old_name, None)
            if self.active == old_name:
                self.active = profile.name
        self.profiles[profile.name] = profile
        if not self.active:
            self.active = profile.name

    def remove(self, name: str, secrets: SecretStore | None = None) -> None:
        prof = self.profiles.pop(name, None)
        if prof is not None and secrets is not None and prof.username:
            secrets.delete_password(prof.name, prof.username)
        if self.active == name:
            self.active = next(iter(self.profiles), "")

    def set_active(self, name: str) -> None:
        if name not in self.profiles:
            saved = ", ".join(repr(n) for n in self.profiles) or "none"
            raise ProfileError(f"no profile named {name!r} (saved: {saved}); give one of those, "
                               "or add it in Devices → Connections…")
        self.active = name

    def active_profile(self) -> ConnectionProfile | None:
        return self.profiles.get(self.active)

    def active_config(self, secrets: SecretStore, *, stable_id: bool = False) -> BrokerConfig | None:
        """The active profile as a BrokerConfig, with its password from the keyring if it has one
        (``stable_id``: see ``ConnectionProfile.broker_config``)."""
        prof = self.active_profile()
        if prof is None:
            return None
        damaged = self.problems.get(prof.name)
        if damaged:
            raise ProfileError(f"profile {prof.name!r} was saved damaged: {'; '.join(damaged)}; fix it in "
                               "Devices → Connections… and save")
        try:
            prof.validate()
        except ProfileError as exc:
            raise ProfileError(f"profile {prof.name!r}: {exc}; fix it in Devices → Connections…") from None
        password = secrets.get_password(prof.name, prof.username) if prof.username else None
        return prof.broker_config(password or "", stable_id=stable_id)

    def to_settings(self) -> dict[str, Any]:
        return {
            "version": SETTINGS_VERSION,
            "active": self.active,
            "profiles": [p.to_settings() for p in self.profiles.values()],
        }

    @classmethod
    def from_settings(cls, raw: Any) -> "ProfileSet":
        """The stored set; whatever shape a damaged file gives, never raises.  A profile that cannot
        be read at all is left out, a field that cannot be read keeps its default; both are in
        ``problems`` (and logged)."""
        entries = raw.get("profiles") if isinstance(raw, dict) else None
        if not entries:
            return cls.default()
        problems: dict[str, list[str]] = {}
        if not isinstance(entries, (list, tuple)):
            problems[""] = [f"the stored profiles are not a list ({_shown(entries)})"]
            entries = ()
        profs = {}
        for i, entry in enumerate(entries):
            mine: list[str] = []
            try:
                if not isinstance(entry, dict):
                    raise ProfileError(f"stored profile #{i + 1} is not readable ({_shown(entry)})")
                p = ConnectionProfile.from_settings(entry, mine)
            except ProfileError as exc:
                problems.setdefault("", []).append(str(exc))  # one broken entry does not lose the others
                continue
            profs[p.name] = p
            if mine:
                problems[p.name] = mine
        out = cls(profs, "", problems) if profs else cls.default()
        stored = raw.get("active")
        out.active = stored if isinstance(stored, str) and stored in out.profiles else next(iter(out.profiles))
        if isinstance(stored, str) and stored and stored != out.active and problems.get(""):
            # the active profile was among the unreadable ones: never connect elsewhere without a word
            problems.setdefault(out.active, []).append(
                f"the active profile {stored!r} could not be read ({'; '.join(problems[''])}), "
                f"and {out.active!r} would stand in")
        out.problems = problems
        for name, found in problems.items():
            log.warning("connection profiles: %s%s", f"{name!r}: " if name else "", "; ".join(found))
        return out

    def renamed_copy(self, name: str, new_name: str) -> ConnectionProfile:
        return replace(self.profiles[name], name=new_name)


@dataclass(frozen=True)
class ConnectionOverrides:
    """What the command line sets on top of a profile or a ``--broker`` URL (``--protocol``,
    ``--client-id``, ``--ca-file``, ``--cert``/``--key``, ``--user``, and the password of
    ``--password-file``/``$AUTOGLM_MQTT_PASSWORD``); None or "": keep what the config has."""

    protocol: str | None = None
    client_id: str = ""
    ca_file: str = ""
    certfile: str = ""
    keyfile: str = ""
    username: str = ""
    password: str | None = None

    def validate(self) -> "ConnectionOverrides":
        if self.protocol not in (None, "5", "3.1.1"):
            raise ProfileError("--protocol: 5 or 3.1.1")
        if not CLIENT_ID_RE.match(self.client_id):
            raise ProfileError("--client-id: up to 64 letters, digits, - or _")
        if self.keyfile and not self.certfile:
            raise ProfileError("--key needs --cert (the client certificate it belongs to)")
        return self

    def apply(self, cfg: BrokerConfig) -> BrokerConfig:
        changes: dict[str, Any] = {k: v for k, v in (
            ("protocol", self.protocol), ("client_id", self.client_id), ("ca_file", self.ca_file),
            ("certfile", self.certfile), ("keyfile", self.keyfile), ("username", self.username),
            ("password", self.password)) if v}
        return replace(cfg, **changes)

    def __repr__(self) -> str:  # never show the password (logs, tracebacks)
        shown = "set" if self.password else "none"
        return (f"ConnectionOverrides(protocol={self.protocol!r}, client_id={self.client_id!r}, "
                f"ca_file={self.ca_file!r}, certfile={self.certfile!r}, keyfile={self.keyfile!r}, "
                f"username={self.username!r}, password={shown})")
