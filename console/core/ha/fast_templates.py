"""The fast path for the value templates real configs use, decided once when a template compiles.

Owns: :func:`fast_renderer`, which looks at a parsed template and, when it is only text and
expressions of the shape ``value``, ``value_json.a['b'][0]`` with filters from :data:`FAST_FILTERS`
and constant arguments (Zigbee2MQTT's ``{{ value_json.temperature | float(0) | round(1) }}``,
``{{ value_json["state"] }}``, ESPHome's ``{{ value }}``), returns a plain-Python renderer of it.
That renderer reads dicts and lists and calls the sandbox's own filter functions, exactly what the
compiled template would do, without Jinja's context, runtime or tracer (ten times cheaper: the
ingest of thousands of entities a second depends on it).  Whenever the answer is not certain (a
missing key, a name that is not a variable, a dict method name, anything not a dict or list on the
way) it returns :data:`SLOW` and the caller renders the full, sandboxed template instead: the
fast path never decides anything the sandbox would decide differently.  Pure functions, no state.
"""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import nodes

SLOW = object()  # "render the full template": the fast path cannot be sure of the answer
FAST_FILTERS = frozenset({
    "float", "int", "round", "lower", "upper", "default", "d", "is_defined", "bool", "string", "trim",
    "title", "capitalize", "abs", "multiply",
})
_DICT_ATTRS = frozenset(dir(dict))
Getter = Callable[[dict[str, Any]], Any]


def _name(node: nodes.Name) -> Getter | None:
    if node.ctx != "load" or node.name not in ("value", "value_json"):
        return None
    key = node.name

    def get(variables: dict[str, Any]) -> Any:
        return variables.get(key, SLOW)

    return get


def _lookup(inner: Getter, key: Any, attribute: bool) -> Getter:
    """``x.key`` (attribute) or ``x[key]``: a dict key that is there, a list index in range."""

    def get(variables: dict[str, Any]) -> Any:
        obj = inner(variables)
        if type(obj) is dict:
            if attribute and key in _DICT_ATTRS:
                return SLOW  # value_json.items is the method, not the key: the sandbox decides
            return obj.get(key, SLOW)
        if type(obj) is list and not attribute and type(key) is int and -len(obj) <= key < len(obj):
            return obj[key]
        return SLOW

    return get


def _filter(inner: Getter, func: Callable[..., Any], args: tuple[Any, ...]) -> Getter:
    def get(variables: dict[str, Any]) -> Any:
        value = inner(variables)
        return SLOW if value is SLOW else func(value, *args)

    return get


def _expr(node: nodes.Node, filters: dict[str, Any]) -> Getter | None:
    if isinstance(node, nodes.Name):
        return _name(node)
    if isinstance(node, nodes.Getattr) and node.ctx == "load":
        inner = _expr(node.node, filters)
        return None if inner is None else _lookup(inner, node.attr, True)
    if isinstance(node, nodes.Getitem) and node.ctx == "load" and isinstance(node.arg, nodes.Const):
        key = node.arg.value
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            return None
        inner = _expr(node.node, filters)
        return None if inner is None else _lookup(inner, key, False)
    if isinstance(node, nodes.Filter) and node.node is not None:
        func = filters.get(node.name)
        if (node.name not in FAST_FILTERS or func is None or node.kwargs or node.dyn_args or node.dyn_kwargs
                or getattr(func, "jinja_pass_arg", None) is not None
                or not all(isinstance(a, nodes.Const) for a in node.args)):
            return None
        inner = _expr(node.node, filters)
        return None if inner is None else _filter(inner, func, tuple(a.value for a in node.args))
    return None


def fast_renderer(tree: nodes.Template, filters: dict[str, Any]) -> Callable[[dict[str, Any]], Any] | None:
    """A renderer for ``tree`` (``variables -> str``, or SLOW), or None if its shape is not one we know."""
    if len(tree.body) != 1 or not isinstance(tree.body[0], nodes.Output):
        return None
    parts: list[str | Getter] = []
    for child in tree.body[0].nodes:
        if isinstance(child, nodes.TemplateData):
            parts.append(child.data)
            continue
        getter = _expr(child, filters)
        if getter is None:
            return None
        parts.append(getter)
    if len(parts) == 1 and not isinstance(parts[0], str):
        only = parts[0]

        def render_one(variables: dict[str, Any]) -> Any:
            value = only(variables)
            return SLOW if value is SLOW else str(value)

        return render_one

    def render(variables: dict[str, Any]) -> Any:
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            value = part(variables)
            if value is SLOW:
                return SLOW
            out.append(str(value))
        return "".join(out)

    return render
