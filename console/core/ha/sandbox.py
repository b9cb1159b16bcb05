"""The Jinja2 sandbox for HA templates: limits, intercepted operators and calls, and the filters.

Owns: :class:`Limits`, the internal :class:`Refusal` signal, and :func:`make_environment`, an
``ImmutableSandboxedEnvironment`` whose ``*``, ``**``, ``%`` and ``+`` operators, method calls,
``range``, ``namespace`` and size-sensitive filters refuse to build values past the limits, with the
filters Home Assistant adds (``float``, ``int``, ``round``, ``is_defined``, ``from_json`` ...).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace


@dataclass(frozen=True)
class Limits:
    source_chars: int = 8_192
    output_chars: int = 65_536
    string_chars: int = 65_536
    range_items: int = 10_000
    call_depth: int = 40
    seconds: float = 0.05
    payload_chars: int = 262_144


LIMITS = Limits()
_MISSING = object()
_WIDE_PERCENT = re.compile(r"%[^a-zA-Z%]*\d{5,}")
_WIDE_BRACE = re.compile(r"\{[^{}]*:[^{}]*\d{5,}[^{}]*\}")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")


class Refusal(BaseException):
    """Raised inside a render to stop it; a BaseException so template runtime code cannot swallow it."""


def _check_len(value: Any) -> Any:
    if isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > LIMITS.string_chars:
        raise Refusal(f"built a value larger than {LIMITS.string_chars} items")
    return value


def _check_int(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > LIMITS.string_chars:
        raise Refusal(f"{what} {value} is too large")


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right * max(1, abs(left).bit_length()) > 4096:
                raise Refusal("power too large")
        return
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int):
                if len(seq) * max(n, 0) > LIMITS.string_chars:
                    raise Refusal("repetition would build a value that is too large")
        return
    if operator == "%" and isinstance(left, str) and _WIDE_PERCENT.search(left):
        raise Refusal("format width too large")


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return _check_len(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, bytes, list, tuple)):
            for value in (*args, *kwargs.values()):
                _check_int(value, "argument")
        return _check_len(__self.call_inner(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Any:
        fmt = super().wrap_str_format(value)
        if fmt is None:
            return None
        owner = str(getattr(value, "__self__", ""))
        if _WIDE_BRACE.search(owner):
            raise Refusal("format width too large")
        nested = _NESTED_FIELD.search(owner) is not None

        def guarded(*args: Any, **kwargs: Any) -> Any:
            if nested:
                for item in (*args, *kwargs.values()):
                    _check_int(item, "format width")
            return _check_len(fmt(*args, **kwargs))

        return guarded

    def call_inner(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
        return ImmutableSandboxedEnvironment.call(self, context, obj, *args, **kwargs)


class SafeNamespace(Namespace):
    """``namespace()`` whose attributes cannot grow past the limits."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, _check_len(value))


def _safe_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > LIMITS.range_items:
        raise Refusal(f"range of {len(rng)} items (the limit is {LIMITS.range_items})")
    return rng


def _convert(kind: type, value: Any, default: Any, **kw: Any) -> Any:
    try:
        if kind is int and isinstance(value, str) and "base" not in kw:
            try:
                return int(value)
            except ValueError:
                return int(float(value))
        return kind(value, **kw) if kw else kind(value)
    except (ValueError, TypeError, OverflowError):
        if default is _MISSING:
            raise ValueError(f"{kind.__name__} got invalid input {value!r} and no default") from None
        return default


def ha_float(value: Any, default: Any = _MISSING) -> Any:
    return _convert(float, value, default)


def ha_int(value: Any, default: Any = _MISSING, base: int = 10) -> Any:
    if base != 10 and isinstance(value, str):
        return _convert(int, value, default, base=base)
    return _convert(int, value, default)


def ha_bool(value: Any, default: Any = _MISSING) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on", "enable"):
        return True
    if text in ("0", "false", "no", "off", "disable"):
        return False
    if default is _MISSING:
        raise ValueError(f"bool got invalid input {value!r} and no default")
    return default


def ha_round(value: Any, precision: int = 0, method: str = "common", default: Any = _MISSING) -> Any:
    _check_int(precision, "precision")
    try:
        number = float(value)
    except (ValueError, TypeError):
        if default is _MISSING:
            raise ValueError(f"round got invalid input {value!r} and no default") from None
        return default
    if method == "ceil":
        number = math.ceil(number * 10**precision) / 10**precision
    elif method == "floor":
        number = math.floor(number * 10**precision) / 10**precision
    elif method == "half":
        number = round(number * 2) / 2.0
    else:
        number = round(number, precision)
    return int(number) if precision == 0 and math.isfinite(number) else number


def is_defined(value: Any) -> Any:
    if isinstance(value, Undefined):
        raise ValueError(f"{value!r} is undefined")
    return value


def from_json(value: Any, default: Any = _MISSING) -> Any:
    try:
        return json.loads(_check_len(str(value)))
    except ValueError:
        if default is _MISSING:
            raise
        return default


def to_json(value: Any, **_: Any) -> str:
    return _check_len(json.dumps(value, ensure_ascii=False, default=str))


def iif(value: Any, if_true: Any = True, if_false: Any = False, if_none: Any = _MISSING) -> Any:
    if value is None and if_none is not _MISSING:
        return if_none
    return if_true if value else if_false


def multiply(value: Any, amount: Any, default: Any = _MISSING) -> Any:
    try:
        return float(value) * amount
    except (ValueError, TypeError):
        if default is _MISSING:
            raise ValueError(f"multiply got invalid input {value!r} and no default") from None
        return default


def _replace(env: Any, s: Any, old: str, new: str, count: int | None = None) -> str:
    s = str(s)
    hits = s.count(str(old)) if count is None else min(count, s.count(str(old)))
    if len(s) + hits * max(0, len(str(new)) - len(str(old))) > LIMITS.string_chars:
        raise Refusal("replace would build a value that is too large")
    return s.replace(str(old), str(new), -1 if count is None else count)


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    if _WIDE_PERCENT.search(str(value)):
        raise Refusal("format width too large")
    return _check_len(str(value) % (kwargs or args))


def _width_guard(name: str, filt: Any) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            _check_int(value, f"{name} width")
        return _check_len(filt(*args, **kwargs))

    guarded.__name__ = name
    return guarded


def make_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox with HA's filters and safe ``range``/``namespace``; nothing else is reachable."""
    env = _Sandbox(autoescape=False, auto_reload=False, cache_size=0)
    for name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
        env.filters[name] = _width_guard(name, env.filters[name])
    from jinja2.filters import pass_environment

    env.filters["replace"] = pass_environment(_replace)
    env.filters["format"] = _format
    env.filters.update(
        float=ha_float, int=ha_int, bool=ha_bool, round=ha_round, is_defined=is_defined,
        from_json=from_json, to_json=to_json, iif=iif, multiply=multiply,
    )
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)
    env.globals.update(
        range=_safe_range, namespace=SafeNamespace, float=ha_float, int=ha_int, bool=ha_bool,
        iif=iif, min=min, max=max, is_defined=is_defined,
    )
    return env
