"""The remote engine's texts (console/core/inference/remote/words.py) in the operator's language.

The model worker hands the panel an error as plain text (the runner's ``str(exc)`` and a
``Signal(int, str, str)`` drop the Msg's id), so ``remote_text`` matches it back against
``words.TEMPLATES`` and translates it with its arguments through ``qt_i18n.tr_msg``, each argument
matched again (to ``qt_i18n.MAX_DEPTH``): the network's
words inside "cannot reach the model server at … (cannot connect (Connection refused); 1 attempt)",
"fix the URL in the model panel" inside the hint, each of the "; "-joined problems of a bad request.
A Msg is translated by its id; text that matches no template (another engine's error, the server's
own words, a URL) stays as it is.  The remote package is imported at the first text, not with the
panel (it brings httpx2).  GUI thread; no state.
"""

from __future__ import annotations

from typing import Any

from console.ui.qt_i18n import tr_msg


def remote_text(text: Any) -> Any:
    """``text`` translated if it is (or, plain, matches) a remote engine text; anything else unchanged."""
    if not isinstance(text, str) or not text:
        return tr_msg(text)  # a Msg by its id; anything else as it is
    from console.core.inference.remote import words  # on the first error: the package imports httpx2

    return tr_msg(text, like=words.TEMPLATES)
