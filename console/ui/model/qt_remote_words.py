"""The remote engine's texts (console/core/inference/remote/words.py) in the operator's language.

The model worker hands the panel an error as plain text (the runner's ``str(exc)`` and a
``Signal(int, str, str)`` drop the Msg's id), so ``remote_text`` matches it back against
``words.TEMPLATES`` and translates it with its arguments, each argument matched again: the network's
words inside "cannot reach the model server at … (cannot connect (Connection refused); 1 attempt)",
"fix the URL in the model panel" inside the hint, each of the "; "-joined problems of a bad request.
A Msg is translated by its id; text that matches no template (another engine's error, the server's
own words, a URL) stays as it is.  The remote package is imported at the first text, not with the
panel (it brings httpx2).  GUI thread; no state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from console.core.i18n import Msg
from console.ui.qt_i18n import matched, tr_msg

MAX_DEPTH = 4  # messages nest two or three deep (message → error → reason)


def remote_text(text: Any, _depth: int = 0) -> Any:
    """``text`` translated if it is (or, plain, matches) a remote engine text; anything else unchanged."""
    if isinstance(text, Msg):
        return tr_msg(text)
    if not isinstance(text, str) or not text or _depth > MAX_DEPTH:
        return text
    from console.core.inference.remote import words  # on the first error: the package imports httpx2

    found = matched(text, words.TEMPLATES)
    if found is None:
        if "; " in text and _depth:  # several problems of one bad request, joined
            return "; ".join(remote_text(part, _depth + 1) for part in text.split("; "))
        return text
    template = QCoreApplication.translate(found.context, found.source)
    if not found.args:
        return template
    args = {k: remote_text(str(v), _depth + 1) for k, v in found.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that does not fit its fields: English
        return text
