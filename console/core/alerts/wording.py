"""The alert texts the operator reads, in English, marked for translation (console/core/i18n.py).

The core writes an alert's condition ("temp > 30 (clears at 28) for 120 s"), the built-in alerts'
names and messages, who cleared it (``rule``, ``device``, ``link``...) and what came of its action as
:class:`~console.core.i18n.Msg` values: English where they are stored (SQLite, CSV, the retained
alerts topic), translated where they are shown (``console/ui/alerts/qt_alert_words.py``).  Read back
from the store they are plain text again: the UI matches them against :data:`TEMPLATES`, in that
order (the most specific first: ``"{what} > {level}"`` also matches ``"t > 3 for 5 s"``).  A rule's
own ``message`` and name are the operator's words and stay as written.

Numbers are formatted here (``{level}`` is ``"30"``, not ``30.0``) so the templates carry plain
``{name}`` fields.  No state, no threads.
"""

from __future__ import annotations

from typing import Any

from console.core.i18n import QT_TRANSLATE_NOOP, Msg

# -- conditions (Rule.condition) ------------------------------------------------------------------
ABOVE_CLEARS_FOR = QT_TRANSLATE_NOOP("Alerts", "{what} > {level} (clears at {clear}) for {s} s")
ABOVE_CLEARS = QT_TRANSLATE_NOOP("Alerts", "{what} > {level} (clears at {clear})")
ABOVE_FOR = QT_TRANSLATE_NOOP("Alerts", "{what} > {level} for {s} s")
ABOVE = QT_TRANSLATE_NOOP("Alerts", "{what} > {level}")
BELOW_CLEARS_FOR = QT_TRANSLATE_NOOP("Alerts", "{what} < {level} (clears at {clear}) for {s} s")
BELOW_CLEARS = QT_TRANSLATE_NOOP("Alerts", "{what} < {level} (clears at {clear})")
BELOW_FOR = QT_TRANSLATE_NOOP("Alerts", "{what} < {level} for {s} s")
BELOW = QT_TRANSLATE_NOOP("Alerts", "{what} < {level}")
OFFLINE = QT_TRANSLATE_NOOP("Alerts", "offline for {s} s")
STALE = QT_TRANSLATE_NOOP("Alerts", "silent for {s} s")
FAILURES = QT_TRANSLATE_NOOP("Alerts", "{count} failed command(s) within {s} s")
# a command-failures alert says how the last command ended (with the rule's condition, or its own message)
FAILURES_LAST_ERROR = QT_TRANSLATE_NOOP("Alerts", "{count} failed command(s) within {s} s (last: {outcome}: {error})")
FAILURES_LAST = QT_TRANSLATE_NOOP("Alerts", "{count} failed command(s) within {s} s (last: {outcome})")
MESSAGE_LAST_ERROR = QT_TRANSLATE_NOOP("Alerts", "{message} (last: {outcome}: {error})")
MESSAGE_LAST = QT_TRANSLATE_NOOP("Alerts", "{message} (last: {outcome})")
OUTCOMES = {  # how a command ended (protocol.CommandState, lower case)
    "failed": QT_TRANSLATE_NOOP("Alerts", "failed"),
    "timeout": QT_TRANSLATE_NOOP("Alerts", "timeout"),
    "rejected": QT_TRANSLATE_NOOP("Alerts", "rejected"),
    "expired": QT_TRANSLATE_NOOP("Alerts", "expired"),
    "cancelled": QT_TRANSLATE_NOOP("Alerts", "cancelled"),
}

# -- the built-in alerts ----------------------------------------------------------------------------
BROKER_NAME = QT_TRANSLATE_NOOP("Alerts", "Broker link down")
BROKER_DOWN = QT_TRANSLATE_NOOP("Alerts", "the broker link has been down for {s} s or more; device rules wait for it")
CLOCK_NAME = QT_TRANSLATE_NOOP("Alerts", "Device clock off")
CLOCK_OFF = QT_TRANSLATE_NOOP("Alerts", "the device's clock is {offset} s off the console's (more than {threshold} s): "
                                        "its timestamps are unreliable; the console judges ttl on its own clock")

# -- who cleared or acknowledged it, when not an operator ---------------------------------------------
WHO = {
    "rule": QT_TRANSLATE_NOOP("Alerts", "rule"),  # its condition ended
    "device": QT_TRANSLATE_NOOP("Alerts", "device"),  # online again, spoke again, a command succeeded
    "link": QT_TRANSLATE_NOOP("Alerts", "link"),  # the broker link is back
    "rules": QT_TRANSLATE_NOOP("Alerts", "rules"),  # its rule was removed or disabled
    "clock": QT_TRANSLATE_NOOP("Alerts", "clock"),  # the device's clock was set right
}

# -- why it was cleared (the detail of its "cleared" event in the store; the Cleared column's tooltip) --
CLEARED_BACK_TO = QT_TRANSLATE_NOOP("Alerts", "{what} back to {value}")  # a threshold or metric rule
CLEARED_NO_FAILURE = QT_TRANSLATE_NOOP("Alerts", "no failure for {s} s")
CLEARED_SPOKE = QT_TRANSLATE_NOOP("Alerts", "the device spoke again")
CLEARED_ONLINE = QT_TRANSLATE_NOOP("Alerts", "the device is online")
CLEARED_COMMAND_OK = QT_TRANSLATE_NOOP("Alerts", "a command to it succeeded")
CLEARED_LINK_BACK = QT_TRANSLATE_NOOP("Alerts", "the broker link is back")
CLEARED_CLOCK = QT_TRANSLATE_NOOP("Alerts", "the clock is within {threshold} s again ({offset} s)")
CLEARED_RULE_GONE = QT_TRANSLATE_NOOP("Alerts", "its rule was removed or disabled")
CLEARED_BY_OPERATOR = QT_TRANSLATE_NOOP("Alerts", "cleared by the operator")
# the engine (engine.py) writes these words; the UI matches the stored text against them
CLEARED_DETAILS: tuple[Msg, ...] = (
    CLEARED_CLOCK, CLEARED_NO_FAILURE, CLEARED_BACK_TO, CLEARED_SPOKE, CLEARED_ONLINE, CLEARED_COMMAND_OK,
    CLEARED_LINK_BACK, CLEARED_RULE_GONE, CLEARED_BY_OPERATOR,
)

# -- what came of a rule's action (the alert's Action column) ----------------------------------------
NOTE_SENT_CONFIRMED = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: sent as command {command} once the operator "
                                                  "confirmed")
NOTE_SENT = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: sent as command {command}")
NOTE_WAITS_HIGH_RISK = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: waits for the operator (high risk)")
NOTE_WAITS_ASKING = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: waits for the operator (act without asking "
                                                "is off)")
NOTE_DISMISSED_BY = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: dismissed by {who}")
NOTE_DISMISSED = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: dismissed")
NOTE_REFUSED = QT_TRANSLATE_NOOP("Alerts", "{device} {params}: refused: {error}")

# the order the UI tries them on plain text: a template that also matches a longer one's text comes after it
TEMPLATES: tuple[Msg, ...] = (
    FAILURES_LAST_ERROR, FAILURES_LAST, FAILURES, MESSAGE_LAST_ERROR, MESSAGE_LAST,
    ABOVE_CLEARS_FOR, ABOVE_CLEARS, ABOVE_FOR, ABOVE, BELOW_CLEARS_FOR, BELOW_CLEARS, BELOW_FOR, BELOW,
    OFFLINE, STALE, BROKER_NAME, BROKER_DOWN, CLOCK_NAME, CLOCK_OFF,
    NOTE_SENT_CONFIRMED, NOTE_SENT, NOTE_WAITS_HIGH_RISK, NOTE_WAITS_ASKING, NOTE_DISMISSED_BY, NOTE_DISMISSED,
    NOTE_REFUSED,
)


def num(x: float) -> str:
    return f"{x:g}"


def condition(rule: Any) -> Msg:
    """A rule in a few words: what fires it."""
    if rule.kind in ("threshold", "metric"):
        above = rule.above is not None
        what, level = rule.capability or rule.metric, num(rule.above if above else rule.below)
        args: dict[str, str] = {"what": what, "level": level}
        if rule.clear is not None:
            args["clear"] = num(rule.clear)
        if rule.for_s:
            args["s"] = num(rule.for_s)
        table = {(True, True): (ABOVE_CLEARS_FOR, BELOW_CLEARS_FOR), (True, False): (ABOVE_CLEARS, BELOW_CLEARS),
                 (False, True): (ABOVE_FOR, BELOW_FOR), (False, False): (ABOVE, BELOW)}
        template = table[(rule.clear is not None, bool(rule.for_s))][0 if above else 1]
        return template.format(**args)
    if rule.kind == "offline":
        return OFFLINE.format(s=num(rule.after_s))
    if rule.kind == "stale":
        return STALE.format(s=num(rule.after_s))
    return FAILURES.format(count=rule.count, s=num(rule.within_s))


def failures_message(rule: Any, outcome: str, error: str) -> Msg:
    """A command-failures alert's text: the rule's message (or condition) and how the last command ended."""
    word = OUTCOMES.get(outcome, outcome)
    args: dict[str, Any] = {"outcome": word}
    if error:
        args["error"] = error
    if rule.message:
        return (MESSAGE_LAST_ERROR if error else MESSAGE_LAST).format(message=rule.message, **args)
    return (FAILURES_LAST_ERROR if error else FAILURES_LAST).format(count=rule.count, s=num(rule.within_s), **args)


def note(device: str, params: dict, state: str, *, command: str = "", confirmed: bool = False, high_risk: bool = False,
         who: str = "", error: str = "") -> Msg:
    """What came of a rule's action, for the alert (``state``: sent, waiting, dismissed, refused)."""
    base = {"device": device, "params": str(params)}
    if state == "sent":
        return (NOTE_SENT_CONFIRMED if confirmed else NOTE_SENT).format(command=command[:8], **base)
    if state == "waiting":
        return (NOTE_WAITS_HIGH_RISK if high_risk else NOTE_WAITS_ASKING).format(**base)
    if state == "dismissed":
        return NOTE_DISMISSED_BY.format(who=who, **base) if who else NOTE_DISMISSED.format(**base)
    return NOTE_REFUSED.format(error=error, **base)
