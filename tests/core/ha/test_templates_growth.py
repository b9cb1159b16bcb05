"""Hostile templates that build a huge value out of small ones (console/core/ha/sandbox.py): aliased
nesting printed (``[[1]*10000]*10000`` took 88 s and 300 MB before), string methods and filters
whose result is many times their input (``replace``, ``expandtabs``, ``join``, ``indent``, ``format``,
``%``, ``translate``: 100 MB at 20,000 x 5,000 before, 4 GB at the limits).  Each is refused before
the value is built: a small, bounded amount of memory, and the time budget holds inside filters."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from console.core.ha.templates import TemplateRefused, render_value

NEST = "{% set a = [1]*10000 %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{% set c = [b,b,b,b,b,b,b,b,b,b] %}"
GROWTH = [
    "{{ [[1]*10000]*10000 }}",
    NEST + "{{ c }}",
    NEST + "{{ (c ~ '')|length }}",
    NEST + "{{ c|string|length }}",
    NEST + "{{ c|tojson|length }}",
    "{{ min([[1]*9000]*9000) }}",
    "{{ ('a'*20000).replace('a', 'b'*5000) }}",
    "{{ ('\t'*20000).expandtabs(5000) }}",
    "{{ ('a'*20000)|list|join('b'*5000) }}",
    "{{ ('b'*5000).join('a'*20000) }}",
    "{{ ('ab'*10000).split('a')|join('x'*5000) }}",
    "{{ ('a\n'*20000)|indent(5000) }}",
    "{{ ('a\n'*20000)|indent('x'*5000) }}",
    "{{ ('{0}'*20000).format('x'*5000) }}",
    "{{ ('%(a)s'*5000) % {'a': 'x'*5000} }}",
    "{{ ('a'*20000).translate({97: 'x'*5000}) }}",
    "{{ ('a ' * 10000)|wordwrap(1, true, 'x'*5000) }}",
    "{{ range(10000)|groupby('real') }}",
    "{{ range(10000)|map('string')|map('center', 6000)|list|length }}",
]


@pytest.mark.parametrize("source", GROWTH)
def test_a_template_that_would_build_a_huge_value_is_refused_before_it_does(source):
    tracemalloc.start()
    start = time.process_time()
    try:
        with pytest.raises(TemplateRefused):
            render_value(source, '{"a": 1}')
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.process_time() - start < 5.0  # generous: the budget is 50 ms of CPU time
    assert peak < 16 * 1024 * 1024, f"{peak / 1e6:.0f} MB built before the refusal"


STILL_WORK = [  # (template, payload, output)
    ("{{ 'aaa bbb ccc'|wordwrap(4) }}", "1", "aaa\nbbb\nccc"),  # wordwrap and truncate take the environment
    ("{{ 'aaa bbb ccc'|truncate(9, true, '..', 0) }}", "1", "aaa bbb.."),  # first: AttributeError before
    ("{{ 'a\nb'|indent(2, true) }}", "1", "  a\n  b"),
    ("{{ value_json|join('-', attribute='a') }}", '[{"a": 1}, {"a": 2}]', "1-2"),
    ("{{ value.replace('a', 'bb') ~ '%s!' % value }}", "aXa", "bbXbbaXa!"),
    ("{{ '{}-{}'.format(value_json.a, value_json.b) }}", '{"a": 1, "b": 2}', "1-2"),
    ("{{ value_json.items()|list|length }}", '{"a": 1, "b": 2}', "2"),
    ("{{ value_json.xs|length }}", '{"xs": [' + ",".join(['"abcdefghij"'] * 10000) + "]}", "10000"),  # a large payload
]


@pytest.mark.parametrize("source, payload, output", STILL_WORK)
def test_the_guarded_filters_and_methods_still_work(source, payload, output):
    assert render_value(source, payload) == output


def test_the_budget_is_the_threads_cpu_time_not_the_wall_clock():
    """A render descheduled on a busy machine is not refused (a wall-clock deadline refused ordinary
    templates now and then under load); one that runs its budget of CPU time is."""
    from console.core.ha.sandbox import Limits
    from console.core.ha.templates import _Guard

    guard = _Guard(Limits(seconds=0.05))
    time.sleep(0.2)  # the stimulus: wall time passes, this thread's CPU time does not
    assert not guard._spent()
    cpu = time.thread_time()
    while time.thread_time() - cpu < 0.06:  # run: spend the budget
        pass
    assert guard._spent()
