"""Display-time translation of the core's texts (``console/core/i18n.py``): ``tr_msg(text)``.

A :class:`~console.core.i18n.Msg` from the Qt-free core (a doctor row, a command state, a fit
verdict) is translated here, where it is shown: its template through ``QCoreApplication.translate``
under its own context (the contexts are the core's: "Doctor", "CommandState", "Hardware", …; lupdate
finds them at the ``QT_TRANSLATE_NOOP`` markers in console/core), then formatted again with its
arguments, each Msg argument translated the same way.  A plain string is returned as it is,
unless ``like`` names the templates it may have been made from: a Msg that lost its id on the way
(a ``Signal(dict)`` converts it to a QString; JSON writes plain text) is matched back against them,
its arguments recovered and matched again (to MAX_DEPTH), else translated as static words in the
template's context.  A translation that does not fit
its arguments (a broken .ts) falls back to the English text, never raises.  GUI thread or any thread
with a QCoreApplication; no state but a cache of compiled patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication

from console.core.i18n import Msg


_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=256)
def _pattern(source: str) -> re.Pattern:
    """``"fits: needs about {needed}, {free} free"`` → a regex whose groups are the fields."""
    parts, pos, seen = [], 0, set()
    for m in _FIELD.finditer(source):
        parts.append(re.escape(source[pos:m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(source[pos:]))
    return re.compile("".join(parts), re.S)


def matched(text: str, like: Iterable[Msg]) -> Msg | None:
    """``text`` as the Msg one of the templates ``like`` makes of it, or None."""
    for template in like:
        m = _pattern(template.source).fullmatch(text)
        if m:
            args = {k: Msg(template.context, v) for k, v in m.groupdict().items()}  # a static word translates
            return Msg(template.context, template.source, args)
    return None


MAX_DEPTH = 4  # a plain text's arguments are matched again this deep (message → error → reason)


def tr_msg(text: Any, like: Iterable[Msg] = ()) -> Any:
    """``text`` translated into the UI's language if it is a core Msg (or, a plain string, matches one
    of the templates ``like``); anything else unchanged.

    A plain string matched against ``like`` has its arguments matched against ``like`` again, down
    to MAX_DEPTH, and below the top an argument of several "; "-joined parts is matched part by
    part; an argument that matches nothing is translated as a static word of its template's context
    (mostly: left as it is)."""
    if isinstance(text, Msg):
        return _format(text, tr_msg, str(text))
    if not isinstance(text, str) or not text or not like:
        return text
    return _plain(text, tuple(like), 0, None)


def _plain(text: str, like: tuple[Msg, ...], depth: int, context: str | None) -> str:
    """Plain ``text`` as the template of ``like`` it matches, translated; else as a static word of
    ``context`` (None: unchanged)."""
    if depth <= MAX_DEPTH and text:
        found = matched(text, like)
        if found is not None:
            return _format(found, lambda arg: _plain(arg.source, like, depth + 1, found.context), text)
        if depth and "; " in text:  # several problems of one request, joined
            return "; ".join(_plain(part, like, depth + 1, context) for part in text.split("; "))
    return text if context is None else QCoreApplication.translate(context, text)


def _format(msg: Msg, tr_arg: Callable[[Any], Any], fallback: str) -> str:
    """``msg``'s template translated and filled with its arguments, each through ``tr_arg``; a
    translation that does not fit its fields (a broken .ts) gives ``fallback``, never raises."""
    template = QCoreApplication.translate(msg.context, msg.source)
    if not msg.args:
        return template
    args = {k: tr_arg(v) for k, v in msg.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return fallback
