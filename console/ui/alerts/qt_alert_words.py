"""The core's alert texts in the operator's language (console/core/alerts/wording.py), at display time.

An alert read back from the store carries plain English: its condition, a built-in alert's name and
message, the action's outcome are matched against ``wording.TEMPLATES`` and translated with their
arguments (console/ui/qt_i18n.py); the operator's own rule names and messages, device ids and values
stay as written.  Who cleared or acknowledged it is a word when the console did (``rule``, ``device``,
``link``...), the operator's name otherwise; why the console cleared it (the detail of its event in
the store) is matched against ``wording.CLEARED_DETAILS``.  A problem of the rules file keeps its ids
(``RuleProblem.what``/``fix`` are Msg values) and is translated as a whole.  GUI thread; no state.
"""

from __future__ import annotations

from console.core.alerts import wording
from console.ui.qt_i18n import tr_msg


def alert_text(text: str) -> str:
    """A condition, a built-in name or message, an action's outcome: translated; anything else as it is."""
    return tr_msg(text, like=wording.TEMPLATES) if text else text


def detail_text(text: str) -> str:
    """Why the console cleared an alert (the stored detail of its "cleared" event), translated."""
    return tr_msg(text, like=wording.CLEARED_DETAILS) if text else text


def problem_text(problem) -> str:
    """A problem of the rules file (``rules.RuleProblem``): line, rule, what is wrong and the fix."""
    return tr_msg(problem.message())


def who_text(who: str) -> str:
    """``rule``, ``device``, ``link``, ``rules``, ``clock`` translated; an operator's name as it is."""
    word = wording.WHO.get(who)
    return tr_msg(word) if word is not None else who
