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
    seconds: float = 0.05  # CPU time of the rendering thread (templates._Guard)
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
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        check_expansion(value)
    return value


def check_expansion(value: Any) -> Any:
    """Refuse a value whose text (``str()``, ``tojson``, ``join``) would be longer than the payload
    limit, counting nested containers and their strings.  Each container may be small while the text
    is huge: ``[[1] * 10000] * 10000`` is a list of one alias repeated 10,000 times, and printing it
    took 88 s and 300 MB before this check.  Each container is measured once (by identity) and a
    list of scalars or of strings at C speed, so the check costs a few ms at most."""
    limit = LIMITS.payload_chars
    if isinstance(value, (str, bytes)):
        if len(value) > limit:
            raise Refusal(f"built a value larger than {limit} characters")
    elif isinstance(value, _CONTAINERS) and _printed(value, limit, {}) > limit:
        raise Refusal(f"built a value that would print as more than {limit} characters")
    return value


_CONTAINERS = (list, tuple, dict, set, frozenset)
_SCALARS = frozenset({int, float, bool, type(None)})


def _printed(value: Any, limit: int, memo: dict[int, int]) -> int:
    """About how many characters ``value`` prints as (a scalar counts 1); stops past ``limit``."""
    known = memo.get(id(value))
    if known is not None:
        return known
    if isinstance(value, dict):
        n = len(value) + 1 + _printed_items(value.keys(), limit, memo)
        n += _printed_items(value.values(), limit - n, memo) if n <= limit else 0
    else:
        n = len(value) + 1 + _printed_items(value, limit, memo)
    memo[id(value)] = n
    return n


def _printed_items(items: Any, limit: int, memo: dict[int, int]) -> int:
    kinds = set(map(type, items))
    if kinds <= _SCALARS:
        return len(items)
    if kinds <= {str}:
        return sum(map(len, items))
    total = 0
    for item in items:
        if isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, _CONTAINERS):
            total += _printed(item, limit - total, memo)
        else:
            total += 1
        if total > limit:
            break
    return total


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
    if operator == "%" and isinstance(left, str):
        if _WIDE_PERCENT.search(left):
            raise Refusal("format width too large")
        values = tuple(right.values()) if isinstance(right, dict) else right if isinstance(right, tuple) else (right,)
        _check_estimate(len(left) + left.count("%") * _widest(values))


def _check_estimate(size: int) -> None:
    """Refuse before building: ``size`` is an upper bound of what the operation is about to make."""
    if size > LIMITS.string_chars:
        raise Refusal(f"would build a value of about {size} characters (the limit is {LIMITS.string_chars})")


def _widest(values: Any) -> int:
    """The longest printed size among ``values`` (a few, or the items of one sequence)."""
    widest = 0
    for value in values:
        if isinstance(value, (str, bytes)):
            widest = max(widest, len(value))
        elif isinstance(value, _CONTAINERS):
            widest = max(widest, _printed(value, LIMITS.payload_chars, {}))
        else:
            widest = max(widest, 24)  # a number or another short value
    return widest


def _method_estimate(owner: str | bytes, name: str, args: tuple, kwargs: dict) -> int:
    """An upper bound of the result of ``owner.<name>(*args)`` for the string methods whose result
    can be many times their input (``('a' * 20000).replace('a', 'b' * 5000)`` made 100 MB before the
    time budget could stop it; 65,536 by 65,536 would be 4 GB); ``len(owner)`` for the others."""
    size = len(owner)
    if name == "replace" and args:
        old, new = args[0], args[1] if len(args) > 1 else kwargs.get("new", "")
        if isinstance(old, type(owner)) and isinstance(new, type(owner)):
            hits = owner.count(old) if old else size + 1
            return size + hits * max(0, len(new) - len(old))
    elif name == "expandtabs":
        width = args[0] if args else kwargs.get("tabsize", 8)
        tabs = owner.count(b"\t" if isinstance(owner, bytes) else "\t")
        return size + tabs * (width if isinstance(width, int) else 8)
    elif name == "join" and args:
        items = args[0]
        n = len(items) if hasattr(items, "__len__") else LIMITS.range_items
        return _widest([items]) + size * n
    elif name == "translate" and args and isinstance(args[0], dict):
        return size * max(1, _widest(args[0].values()))
    return size


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
            if isinstance(owner, (str, bytes)):
                _check_estimate(_method_estimate(owner, getattr(__obj, "__name__", ""), args, kwargs))
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
            _check_estimate(len(owner) + owner.count("{") * _widest((*args, *kwargs.values())))
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

    return _same_kind(filt, guarded)  # wordwrap and truncate take the environment first (they failed without)


def _same_kind(filt: Any, guarded: Any) -> Any:
    for attr in ("jinja_pass_arg", "__name__"):  # pass_environment / pass_eval_context stay as they were
        if hasattr(filt, attr):
            setattr(guarded, attr, getattr(filt, attr))
    return guarded


def _join_guard(filt: Any) -> Any:
    """``join``: its separator goes between every two items (20,000 items by a 5,000-character one)."""
    def guarded(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        items = value if isinstance(value, (list, tuple, str)) else list(value)
        _check_estimate(_widest([items]) + len(str(d)) * len(items))
        return filt(eval_ctx, items, d, attribute)

    return _same_kind(filt, guarded)


def _indent_guard(filt: Any) -> Any:
    """``indent``: its width may be a string, repeated on every line."""
    def guarded(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> Any:
        text = str(s)
        each = len(width) if isinstance(width, str) else width if isinstance(width, int) else 4
        _check_estimate(len(text) + (text.count("\n") + 1) * each)
        return filt(s, width, first, blank)

    return _same_kind(filt, guarded)


def _wordwrap_guard(filt: Any) -> Any:
    """``wordwrap``: its wrap string goes in every ``width`` characters."""
    def guarded(environment: Any, s: Any, width: int = 79, break_long_words: bool = True,
                wrapstring: Any = None, break_on_hyphens: bool = True) -> Any:
        text = str(s)
        lines = len(text) // max(1, width if isinstance(width, int) else 79) + text.count("\n") + 1
        _check_estimate(len(text) + lines * len(str(wrapstring or "\n")))
        return filt(environment, s, width, break_long_words, wrapstring, break_on_hyphens)

    return _same_kind(filt, guarded)


def _expansion_guard(filt: Any) -> Any:
    """A filter whose arguments and result are checked with :func:`check_expansion` (a filter that
    prints its input, ``string``, ``tojson``, ``join``, would otherwise build the huge text first)."""
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            check_expansion(value)
        return check_expansion(filt(*args, **kwargs))

    return _same_kind(filt, guarded)


def make_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox with HA's filters and safe ``range``/``namespace``; nothing else is reachable.
    Every ``{{ }}`` output and every filter's arguments and result are checked for their printed size
    (``check_expansion``)."""
    env = _Sandbox(autoescape=False, auto_reload=False, cache_size=0, finalize=check_expansion)
    for name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
        env.filters[name] = _width_guard(name, env.filters[name])
    from jinja2.filters import pass_environment

    env.filters["replace"] = pass_environment(_replace)
    env.filters["format"] = _format
    env.filters["join"] = _join_guard(env.filters["join"])
    env.filters["indent"] = _indent_guard(env.filters["indent"])
    env.filters["wordwrap"] = _wordwrap_guard(env.filters["wordwrap"])
    env.filters.update(
        float=ha_float, int=ha_int, bool=ha_bool, round=ha_round, is_defined=is_defined,
        from_json=from_json, to_json=to_json, iif=iif, multiply=multiply,
    )
    # the fast path (fast_templates) calls only filters that cannot grow a value (float, int, round,
    # lower ...) on values it has checked itself: it keeps them unwrapped, at full speed
    env.fast_filters = dict(env.filters)  # type: ignore[attr-defined]
    env.filters = {name: _expansion_guard(filt) for name, filt in env.filters.items()}
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)
    env.globals.update(
        range=_safe_range, namespace=SafeNamespace, float=ha_float, int=ha_int, bool=ha_bool,
        iif=iif, min=min, max=max, is_defined=is_defined,
    )
    return env
