"""The templates' fast path answers exactly as the full sandboxed render does, or leaves it to it."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from console.core.ha.templates import HaTemplate, TemplateError, TemplateRefused

COMMON = [
    "{{ value }}",
    "{{ value_json.state }}",
    "{{ value_json['state'] }}",
    '{{ value_json["linkquality"] }}',
    "{{ value_json.temperature | float(0) | round(1) }}",
    "{{ value_json.temperature | float | round(2) }}",
    "{{ value_json.a.b[0] }}",
    "{{ value_json.contact }}",
    "{{ value_json.state | lower }}",
    "{{ value_json.state | upper }} W",
    "{{ value_json.items }}",  # a dict method name: the sandbox decides
    "{{ value_json.brightness | int(0) }}",
    "{{ value | float(0) * 10 }}",  # not a fast shape: always the full render
    "{{ value_json.x | default('none') }}",
]


def _both(source: str, payload: str):
    fast, slow = HaTemplate(source), HaTemplate(source)
    slow._fast = None
    results = []
    for tmpl in (fast, slow):
        try:
            results.append(("ok", re.sub(r" at 0x[0-9a-f]+", "", tmpl.render_value(payload))))
        except TemplateRefused as exc:
            results.append(("refused", exc.detail))
        except TemplateError as exc:
            results.append(("error", exc.detail))
    return results


def test_the_common_shapes_take_the_fast_path():
    assert HaTemplate("{{ value_json.temperature | float(0) | round(1) }}")._fast is not None
    assert HaTemplate("{{ value_json['linkquality'] }} lqi")._fast is not None
    assert HaTemplate("{% if value %}x{% endif %}")._fast is None
    assert HaTemplate("{{ value | float(0) * 10 }}")._fast is None


_values = hs.recursive(
    hs.one_of(hs.none(), hs.booleans(), hs.integers(-10**20, 10**20), hs.floats(allow_nan=False),
              hs.text(max_size=12), hs.sampled_from(["ON", "off", "12.5", "abc", ""])),
    lambda inner: hs.one_of(hs.lists(inner, max_size=3),
                            hs.dictionaries(hs.sampled_from(["a", "b", "state", "temperature", "items", "x"]), inner,
                                            max_size=4)),
    max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(hs.sampled_from(COMMON), hs.one_of(_values.map(json.dumps), hs.text(max_size=20)))
def test_fast_and_full_render_agree(source, payload):
    fast, slow = _both(source, payload)
    assert fast == slow


@pytest.mark.parametrize("payload", ['{"state": "ON"}', '{"temperature": "21.77"}', "{}", "not json", '{"a": {"b": [7]}}'])
def test_examples_agree(payload):
    for source in COMMON:
        fast, slow = _both(source, payload)
        assert fast == slow, source
