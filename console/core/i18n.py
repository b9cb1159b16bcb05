"""Translatable texts of the Qt-free core: English where they are made, translated where they are shown.

The core speaks English (the CLI, logs, JSON reports read it as it is) but the operator reads many
of its texts in the GUI: the doctor's rows and hints, command states, fit verdicts, "CPU: 2 cores,
no GPU".  A text the GUI may show is written with the marker ::

    QT_TRANSLATE_NOOP("Doctor", "not installed")
    QT_TRANSLATE_NOOP("Hardware", "CPU: {cores} cores, no GPU").format(cores=os.cpu_count())

The marker is named as Qt's so that ``pyside6-lupdate`` extracts the (context, source) pair from the
core's Python files like any ``tr()`` call (it reads exactly two literal arguments; keep the text a
literal, implicit concatenation is fine, never an f-string).  It returns a :class:`Msg`: a ``str``
equal to the English text that also carries its context, its source template and the arguments it
was formatted with, so the UI (``console/ui/qt_i18n.py``: ``tr_msg``) translates the template at
display time and formats it again, translating arguments that are themselves ``Msg`` values.
Anything that treats a Msg as a plain string (comparisons, JSON, ``+``) gets the English text; a
plain string concatenated from Msgs loses the id, so build texts with ``format`` on a Msg.

A Msg crosses a process boundary (the doctor's child process) as :meth:`Msg.to_json` /
:meth:`Msg.from_json`.  No Qt here; no threads or locks (values are immutable).
"""

from __future__ import annotations

from typing import Any, Mapping


class Msg(str):
    """English text with its translation id: ``context``, ``source`` (the template) and ``args``."""

    context: str
    source: str
    args: Mapping[str, Any]

    def __new__(cls, context: str, source: str, args: Mapping[str, Any] | None = None) -> "Msg":
        args = dict(args or {})
        text = str.format(source, **args) if args else source
        self = super().__new__(cls, text)
        self.context, self.source, self.args = context, source, args
        return self

    def format(self, *positional: Any, **args: Any) -> "Msg":  # type: ignore[override]
        """The template filled in; keyword arguments only (a translation may reorder them)."""
        if positional:
            raise TypeError("Msg.format takes keyword arguments only")
        return Msg(self.context, self.source, {**self.args, **args})

    def __reduce__(self):  # pickling and copy.deepcopy (dataclasses.asdict) keep the id
        return (Msg, (self.context, self.source, dict(self.args)))

    def __deepcopy__(self, memo: dict) -> "Msg":
        return self

    def __copy__(self) -> "Msg":
        return self

    def to_json(self) -> dict[str, Any]:
        return {"context": self.context, "source": self.source,
                "args": {k: (v.to_json() if isinstance(v, Msg) else v) for k, v in self.args.items()}}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> "Msg":
        args = {k: (cls.from_json(v) if isinstance(v, dict) and "source" in v and "context" in v else v)
                for k, v in dict(raw.get("args") or {}).items()}
        return cls(str(raw["context"]), str(raw["source"]), args)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Msg:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for translation in ``context``; returns it as a :class:`Msg` (English)."""
    return Msg(context, source)


def msgs_of(obj: Any, fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The Msg ids of ``obj``'s string ``fields`` (for a JSON copy of a dataclass)."""
    return {f: v.to_json() for f in fields if isinstance(v := getattr(obj, f, None), Msg)}
