"""Why a connection attempt failed, in words an operator can act on; Qt-free.

``MqttLink`` asks ``FailureWatch`` after each attempt what went wrong:

* a refused login (CONNACK 0x86 bad user name or password, 0x87 not authorized, 0x8C bad
  authentication method; paho maps MQTT 3.1.1's return codes 4 and 5 onto the same two):
  ``AUTH`` -- the link shows ``LinkState.AUTH_FAILED`` and retries on the slow backoff;
* a session taken over (MQTT 5 DISCONNECT 0x8E), or, where the broker cannot say so (MQTT 3.1.1),
  ``SHORT_RUNS`` connections in a row that the broker closed within ``SHORT_S`` of its CONNACK:
  ``TAKEOVER`` -- another client uses our client id; slow backoff, and a warning;
* a connection closed before any CONNACK while speaking MQTT 5: a broker that speaks only 3.1.1
  does that (Mosquitto 1.x, amqtt), so the message carries a hint to try ``--protocol 3.1.1``;
* anything else: ``OTHER``, the ordinary backoff.

Nothing here ever holds or prints a password.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from typing import Callable

AUTH_CODES = frozenset({0x86, 0x87, 0x8C})
SESSION_TAKEN_OVER = 0x8E
SHORT_S = 5.0  # a connection the broker closes sooner than this after its CONNACK is "short"
SHORT_RUNS = 3  # short connections in a row that look like another client with our id
STABLE_S = 30.0  # a connection up this long resets the slow backoff


class Failure(str, enum.Enum):
    NONE = "none"
    AUTH = "auth"
    TAKEOVER = "takeover"
    OTHER = "other"


def who(profile: str, url: str) -> str:
    return f"profile {profile!r}" if profile else url


def auth_message(profile: str, url: str) -> str:
    if profile:
        return (f"Not authorized: check the user and password of profile {profile!r} "
                "(Devices → Connections…)")
    return (f"Not authorized: check the user name and password for {url} "
            "(--user with --password-file or $AUTOGLM_MQTT_PASSWORD)")


def takeover_message(client_id: str, profile: str, url: str) -> str:
    return (f"another client uses this client id ({client_id}) on {who(profile, url)}: the broker keeps "
            "only one connection per id; give each console its own client id")


V311_HINT = "the broker may speak only MQTT 3.1.1: try --protocol 3.1.1 (or set it in the profile)"


@dataclass
class FailureWatch:
    """Per-attempt bookkeeping on the link's network thread: did a CONNACK come, how long did the
    connection last, how many short ones in a row."""

    protocol: str = "5"
    clock: Callable[[], float] = field(default=time.monotonic)
    refused_code: int | None = None
    takeover: bool = False
    connack_at: float | None = None
    short_runs: int = 0
    stable: bool = False  # the last connection lasted STABLE_S or more

    def attempt(self) -> None:
        self.refused_code = None
        self.takeover = False
        self.connack_at = None
        self.stable = False

    def refused(self, code: int) -> None:
        self.refused_code = code

    def connected(self) -> None:
        self.connack_at = self.clock()

    def disconnected(self, code: int | None) -> None:
        if code == SESSION_TAKEN_OVER:
            self.takeover = True
        if self.connack_at is None:
            return
        lasted = self.clock() - self.connack_at
        self.stable = lasted >= STABLE_S
        self.short_runs = self.short_runs + 1 if lasted < SHORT_S else 0
        if self.short_runs >= SHORT_RUNS:
            self.takeover = True

    def classify(self) -> Failure:
        if self.refused_code in AUTH_CODES:
            return Failure.AUTH
        if self.takeover:
            return Failure.TAKEOVER
        return Failure.OTHER

    def needs_v311_hint(self) -> bool:
        """MQTT 5 spoken over an open socket, then no CONNACK and no refusal: what a 3.1.1-only
        broker does to a v5 CONNECT (it closes the socket, or never answers: "Keep alive timeout")."""
        return self.protocol == "5" and self.connack_at is None and self.refused_code is None
