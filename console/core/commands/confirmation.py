"""Which commands the operator must confirm before they are sent, and what a yes covers.

``CommandPipeline.submit`` is the only caller of ``confirmation_required``: it decides, from the
device's meta as it is at send time, whether a command needs the operator's confirmation, and
raises the ``ConfirmationRequired`` it returns (storing and sending nothing) unless the
``confirmed`` it was given covers it.  So every origin (the device controls, the assistant, the
audit log's "send again", later rules and Home Assistant devices) gets the same decision; the Qt
side (``console/ui/devices/qt_command_sender.py``) asks and calls again with
``confirmed=exc.confirmation()``.

A command needs confirming when its device's meta marks those values high risk now, or when the
caller says it always does (``always=True``: a stale command sent again).  A yes covers these
values for this device, and high risk only if the question said so: a yes given while the device
was low risk does not cover the same command once the device is marked high risk, so the operator
is asked again.  ``confirmed=True`` covers anything (scripts and tests that stand for the operator).

The question's words are ``commands/wording.py``'s: ``exc.wording(current, lang, device_name)``
gives the before → after parts ("Line A conveyor: running off → on"); ``str(exc)`` is the English
sentence without current values (the pipeline has the meta, not the state).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Union

from console.core.commands.wording import CommandWording, word_command
from console.core.protocol import DeviceMeta, ProtocolError


@dataclass(frozen=True)
class Confirmation:
    """What the operator said yes to: ``values`` for ``device_id``, knowing they are high risk or not."""

    device_id: str
    action: str
    values: Mapping[str, Any]
    high_risk: bool


def describe_values(values: Mapping[str, Any], action: str = "set") -> str:
    """``running=True, speed=30``: the values as Python sees them (logs; the operator reads
    :func:`console.core.commands.wording.word_command`)."""
    return ", ".join(f"{k}={v}" for k, v in values.items()) or action


class ConfirmationRequired(ProtocolError):
    """A command that must not go without the operator's yes; ``submit`` stored and sent nothing.

    ``values`` are the cleaned values that would be sent, ``meta`` the device's meta the decision
    was made from, ``high_risk`` whether that meta marks them high risk (``risky`` names the high-risk
    capabilities touched), ``always`` whether the caller asked for a confirmation whatever the risk.
    ``str(exc)`` is an English sentence; the Qt layer builds its translated text from the fields."""

    def __init__(self, device_id: str, action: str, values: Mapping[str, Any], meta: DeviceMeta, *,
                 high_risk: bool, always: bool = False) -> None:
        self.device_id = device_id
        self.action = action
        self.values = dict(values)
        self.meta = meta
        self.high_risk = high_risk
        self.always = always
        self.risky = tuple(name for name in self.values if meta.cap_risk(name) == "high")
        why = "This device is marked high risk." if high_risk else "The operator must confirm it."
        super().__init__(f"{self.wording().text()}. Send this command to {device_id}? {why}")

    def wording(self, current: Mapping[str, Any] | None = None, *, lang: str = "en",
                device_name: str | None = None) -> CommandWording:
        """The values before → after: ``current`` is the device's last state (None: not known)."""
        return word_command(self.meta, self.values, current, lang=lang, device_name=device_name,
                            action=self.action)

    def confirmation(self) -> Confirmation:
        """What a yes to this question covers."""
        return Confirmation(self.device_id, self.action, dict(self.values), self.high_risk)


Confirmed = Union[bool, Confirmation, ConfirmationRequired]


def confirmation_required(meta: DeviceMeta, action: str, clean: dict[str, Any], *, always: bool = False,
                          confirmed: Confirmed = False) -> ConfirmationRequired | None:
    """The question to ask before sending ``clean`` (already validated against ``meta``), or None
    when none is needed or ``confirmed`` already answers it."""
    high = meta.is_high_risk(clean or None)
    if not (high or always) or _covers(confirmed, meta, action, clean, high):
        return None
    return ConfirmationRequired(meta.id, action, clean, meta, high_risk=high, always=always)


def _covers(confirmed: Confirmed, meta: DeviceMeta, action: str, clean: dict[str, Any], high: bool) -> bool:
    if isinstance(confirmed, ConfirmationRequired):
        confirmed = confirmed.confirmation()
    if not isinstance(confirmed, Confirmation):
        return confirmed is True
    if confirmed.device_id != meta.id or confirmed.action != action or (high and not confirmed.high_risk):
        return False
    try:  # what was confirmed, cleaned as the command was (26 and 26.0 are one setpoint)
        theirs = meta.validate_params(action, dict(confirmed.values) if action == "set" else {})
    except ProtocolError:
        return False
    return theirs == clean
