"""Value and command templates from discovery configs, sandboxed and bounded.

Owns: the one Jinja2 ``ImmutableSandboxedEnvironment`` with the filters real configs use, the
compile-once cache, the limits every render obeys (source and output size, string growth, range
size, call depth, wall-clock budget) and the typed errors and their counters.  Templates come from
the network: a hostile one is refused at compile time or stopped while it renders, never run.
"""

from __future__ import annotations

import inspect
import itertools
import json
import os
import sys
import threading
import time
from collections import OrderedDict
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaError

from console.core.ha import sandbox
from console.core.ha.fast_templates import SLOW, fast_renderer
from console.core.ha.sandbox import LIMITS, Limits, Refusal, check_expansion, make_environment
from console.core.protocol import ProtocolError

_FILENAME = "<ha-template>"
_STOPPABLE = (os.path.dirname(jinja2.__file__), sandbox.__file__)  # where a render may be stopped, besides the template
_GENERATOR = inspect.CO_GENERATOR
_CACHE_SIZE = 4096


class TemplateError(ProtocolError):
    """A template that could not be compiled or rendered; says which, with the source and payload."""

    reason = "error"

    def __init__(self, message: str, *, source: str = "", payload: Any = None, entity: str = "") -> None:
        self.detail = message
        self.source = source
        self.payload = payload
        self.entity = entity
        super().__init__(self._text())

    def _text(self) -> str:
        where = f" of {self.entity}" if self.entity else ""
        src = self.source if len(self.source) <= 120 else self.source[:117] + "..."
        text = f"template{where} {self.reason}: {self.detail} (template {src!r}"
        if self.payload is not None:
            pay = str(self.payload)
            text += f", payload {pay[:80]!r}"
        return text + ")"

    @property
    def kind(self) -> str:
        """How the device counts it: ``error`` (a template failing at run time), ``refused`` (hostile:
        refused by the sandbox) or ``budget`` (stopped by a time, size or depth budget)."""
        return "error"

    def for_entity(self, entity: str) -> "TemplateError":
        """The same error naming the entity it belongs to."""
        return type(self)(self.detail, source=self.source, payload=self.payload, entity=entity)


class TemplateRefused(TemplateError):
    """A hostile or runaway template: refused by the sandbox or stopped by a budget."""

    reason = "refused"

    def __init__(self, message: str, *, budget: bool = False, **kw: Any) -> None:
        self.budget = budget
        super().__init__(message, **kw)

    @property
    def kind(self) -> str:
        return "budget" if self.budget else "refused"

    def for_entity(self, entity: str) -> "TemplateError":
        return TemplateRefused(self.detail, budget=self.budget, source=self.source, payload=self.payload,
                               entity=entity)


class TemplateStats:
    """Thread-safe counters: compiled, rendered, error, refused.  Lock-free (one ``itertools.count``
    per key, whose ``next`` is atomic): ``add`` runs for every template of every message."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # only to add a key
        self._counts: dict[str, itertools.count] = {}

    def add(self, key: str) -> None:
        counter = self._counts.get(key)
        if counter is None:
            with self._lock:
                counter = self._counts.setdefault(key, itertools.count(1))
        next(counter)

    def snapshot(self) -> dict[str, int]:
        # a count's repr is "count(N)": N is the next value, so N - 1 were taken
        return {key: int(repr(c)[6:-1]) - 1 for key, c in list(self._counts.items())}


STATS = TemplateStats()
_ENV = make_environment()
_cache: OrderedDict[str, "HaTemplate | TemplateError"] = OrderedDict()
_cache_lock = threading.Lock()


def _check_tree(tree: nodes.Template) -> None:
    """Refuse templates that reach for internals or other templates, before anything runs."""
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        raise Refusal(f"{type(node).__name__.lower()} is not allowed")
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            raise Refusal(f"template reaches for Python internals ({node.attr})")
    for node in tree.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
            raise Refusal(f"template reaches for Python internals ({node.arg.value})")


class HaTemplate:
    """One compiled template; :meth:`render` is bounded by the sandbox's limits."""

    def __init__(self, source: str, limits: Limits = LIMITS) -> None:
        self.source = source
        self.limits = limits
        if len(source) > limits.source_chars:
            raise TemplateRefused(f"longer than {limits.source_chars} characters", source=source[:200])
        try:
            tree = _ENV.parse(source)
            _check_tree(tree)
            self._fast = fast_renderer(tree, _ENV.fast_filters)  # None: always the full render
            code = _ENV.compile(source, filename=_FILENAME)
            self._tmpl = _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None))
            # ``a ~ b`` compiles to the module's str_join: the same printed-size check as ``{{ }}``
            self._tmpl.root_render_func.__globals__["str_join"] = _checked_str_join
        except Refusal as exc:
            raise TemplateRefused(str(exc), source=source) from None
        except RecursionError:
            raise TemplateRefused("nested too deeply", source=source) from None
        except (JinjaError, SyntaxError, ValueError, TypeError, MemoryError) as exc:
            raise TemplateError(f"does not compile: {exc}", source=source) from None

    def render(self, variables: dict[str, Any], payload: Any = None) -> str:
        """Render with ``variables``; raise TemplateError/TemplateRefused, never anything else.

        The common shapes (``{{ value_json.x | float(0) }}``) take the fast path
        (``fast_templates``), which answers only when it is sure to answer as the sandbox would."""
        if self._fast is not None:
            try:
                fast = self._fast(variables)
            except (Refusal, SecurityError, RecursionError, MemoryError, OverflowError) as exc:
                STATS.add("refused")
                raise TemplateRefused(_why(exc), budget=not isinstance(exc, SecurityError), source=self.source,
                                      payload=payload) from None
            except Exception as exc:  # noqa: BLE001 - the same filter functions fail as they would in the sandbox
                STATS.add("error")
                raise TemplateError(f"{type(exc).__name__}: {exc}", source=self.source, payload=payload) from None
            if fast is not SLOW:
                if len(fast) > self.limits.output_chars:
                    STATS.add("refused")
                    raise TemplateRefused(f"output longer than {self.limits.output_chars} characters",
                                          budget=True, source=self.source, payload=payload)
                STATS.add("rendered")
                return fast
        guard = _Guard(self.limits)
        previous = sys.gettrace()
        sys.settrace(guard.trace)
        try:
            out: list[str] = []
            size = 0
            for chunk in self._tmpl.root_render_func(self._tmpl.new_context(dict(variables))):
                size += len(chunk)
                if size > self.limits.output_chars:
                    raise Refusal(f"output longer than {self.limits.output_chars} characters")
                out.append(chunk)
            STATS.add("rendered")
            return "".join(out)
        except (Refusal, SecurityError, RecursionError, MemoryError, OverflowError) as exc:
            STATS.add("refused")
            raise TemplateRefused(_why(exc), budget=not isinstance(exc, SecurityError), source=self.source,
                                  payload=payload) from None
        except Exception as exc:  # noqa: BLE001 - any failure inside a template is the template's
            STATS.add("error")
            raise TemplateError(f"{type(exc).__name__}: {exc}", source=self.source, payload=payload) from None
        finally:
            sys.settrace(previous)

    def render_value(self, payload: str, default: Any = None, *, parsed: Any = None) -> str:
        """HA's render-with-possible-JSON-value: ``value`` is the payload, ``value_json`` its JSON.

        ``parsed``: the payload already parsed (``state.Payload.json``: one parse for every template
        that reads the message), NOT_JSON if it is not JSON; None: parsed here."""
        variables: dict[str, Any] = {"value": payload}
        if len(payload) <= self.limits.payload_chars:
            if parsed is None:
                parsed = parse_json(payload)
            if parsed is not NOT_JSON:
                variables["value_json"] = parsed
        else:
            raise TemplateRefused(f"payload longer than {self.limits.payload_chars} characters",
                                  budget=True, source=self.source, payload=payload[:80])
        return self.render(variables, payload=payload)


NOT_JSON = object()  # a payload that does not parse as JSON: ``value_json`` stays undefined


def parse_json(payload: str) -> Any:
    """The payload's JSON value, or NOT_JSON."""
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        return NOT_JSON


def _why(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "recursion too deep"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, SecurityError):
        return f"sandbox: {exc}"
    return str(exc) or type(exc).__name__


class _Guard:
    """The per-render tracer: time budget, template call depth and value sizes.

    The budget is the rendering thread's own CPU time: a render is stopped once it has *run* for
    ``limits.seconds``, not when the machine was busy elsewhere meanwhile (a wall-clock deadline
    refused ordinary templates now and then on a loaded machine, and the device then showed a
    "budget" error it never caused).  The cheap wall clock is read at every check; the thread's CPU
    time (a system call) only once the wall clock says the budget may be spent."""

    __slots__ = ("cpu_start", "deadline", "depth", "limits")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.perf_counter() + limits.seconds
        self.cpu_start = time.thread_time()
        self.depth = 0

    def _spent(self) -> bool:
        if time.perf_counter() <= self.deadline:
            return False
        return time.thread_time() - self.cpu_start > self.limits.seconds

    def trace(self, frame: Any, event: str, arg: Any) -> Any:
        code = frame.f_code
        if code.co_filename != _FILENAME:
            # a filter's own Python code (groupby over 10,000 items): the budget holds there too, but
            # only in Jinja's and the sandbox's functions (a gc callback or a generator being closed
            # must not get the Refusal: it would be "ignored" there, not stop the render)
            if code.co_filename.startswith(_STOPPABLE) and not code.co_flags & _GENERATOR and self._spent():
                raise Refusal(f"ran longer than {self.limits.seconds * 1000:.0f} ms")
            return None
        self.depth += 1
        if self.depth > self.limits.call_depth:
            raise Refusal(f"calls nested deeper than {self.limits.call_depth}")
        for value in frame.f_locals.values():
            self._check_size(value)
        return self._local

    def _local(self, frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            if self._spent():
                raise Refusal(f"ran longer than {self.limits.seconds * 1000:.0f} ms")
        elif event == "return":
            self.depth -= 1
            self._check_size(arg)
        return self._local

    def _check_size(self, value: Any) -> None:
        if isinstance(value, (str, list, tuple, dict, bytes)) and len(value) > self.limits.string_chars:
            raise Refusal(f"built a value larger than {self.limits.string_chars} items")


def _checked_str_join(seq: Any) -> str:
    return "".join(str(check_expansion(v)) for v in seq)


def compile_template(source: str) -> HaTemplate:
    """The compiled template for ``source``, cached by source; compile errors are cached too.

    A compile error or refusal is counted each time it is raised, cached or not: the counters say
    how often templates were refused, whatever the cache held (a refusal served from the cache is
    still a refused render)."""
    hit = _cache.get(source)  # a dict read is atomic: no lock for the common case (oldest-first eviction)
    if hit is None:
        try:
            hit = HaTemplate(source)
            STATS.add("compiled")
        except TemplateError as exc:
            hit = exc
        with _cache_lock:
            _cache[source] = hit
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    if isinstance(hit, TemplateError):
        STATS.add(hit.reason)
        if isinstance(hit, TemplateRefused):
            raise TemplateRefused(hit.detail, budget=hit.budget, source=hit.source)
        raise TemplateError(hit.detail, source=hit.source)
    return hit


def render_value(source: str, payload: str) -> str:
    """Compile (cached) and render a value template against a received payload."""
    return compile_template(source).render_value(payload)


def render_command(source: str, value: Any, **variables: Any) -> str:
    """Compile (cached) and render a command template; ``value`` is the value to send."""
    return compile_template(source).render({"value": value, **variables}, payload=value)
