"""Hostile numbers and payloads at the protocol's door (issue 13): NaN, inf, huge ints, deep nesting,
lone surrogates.  Each is a ProtocolError with a reason, never another exception."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.protocol import (
    INT_LIMIT,
    MAX_FUTURE_S,
    Ack,
    Capability,
    Command,
    DeviceMeta,
    ProtocolError,
    StateMessage,
    decode_json,
)

HOSTILE_NUMBERS = [float("nan"), float("inf"), -float("inf"), 10**30, -(10**30), 2**63, 3e300]


@pytest.mark.parametrize("bad", HOSTILE_NUMBERS)
@pytest.mark.parametrize("field", ["min", "max", "step"])
def test_capability_bounds_must_be_finite_and_in_range(field, bad):
    with pytest.raises(ProtocolError, match=field):
        Capability.from_json("level", {"type": "int", field: bad})


def test_capability_bounds_in_range_are_kept_and_round_trip():
    cap = Capability.from_json("level", {"type": "int", "min": -INT_LIMIT, "max": INT_LIMIT, "step": 5})
    assert (cap.min, cap.max, cap.step) == (-INT_LIMIT, INT_LIMIT, 5)
    assert Capability.from_json("level", cap.to_json()) == cap
    with pytest.raises(ProtocolError, match="step"):
        Capability.from_json("level", {"type": "float", "step": 0})


@pytest.mark.parametrize("bad", HOSTILE_NUMBERS + ["7", None, [1]])
def test_capability_check_refuses_non_finite_and_huge_values(bad):
    cap = Capability.from_json("level", {"type": "float", "writable": True})
    with pytest.raises(ProtocolError):
        cap.check(bad)


@pytest.mark.parametrize("seq", [-1, 2**53, 10**40, 1.5, True, "1"])
def test_state_seq_must_be_an_integer_below_2_to_53(seq):
    with pytest.raises(ProtocolError, match="seq"):
        StateMessage.from_json({"seq": seq, "ts": 1.0, "values": {}})


def test_state_ts_window_is_zero_to_one_day_ahead():
    now = 1_700_000_000.0
    assert StateMessage.from_json({"seq": 1, "ts": 0, "values": {}}, now=now).ts == 0.0  # no clock
    assert StateMessage.from_json({"seq": 1, "ts": now + MAX_FUTURE_S, "values": {}}, now=now)
    for ts in (now + MAX_FUTURE_S + 1, -1, 10**30, 10**400):
        with pytest.raises(ProtocolError, match="ts"):
            StateMessage.from_json({"seq": 1, "ts": ts, "values": {}}, now=now)


def test_ack_and_command_numbers_never_overflow():
    for ts in (10**400, 10**30):
        with pytest.raises(ProtocolError, match="ts"):
            Ack.from_json({"id": "c1", "status": "done", "ts": ts})
        with pytest.raises(ProtocolError, match="ts"):
            Command.from_payload("lamp", {"id": "c1", "ts": ts, "action": "set"})
    with pytest.raises(ProtocolError, match="state_seq"):
        Ack.from_json({"id": "c1", "status": "done", "ts": 1, "state_seq": 2**60})


@pytest.mark.parametrize("payload, reason", [
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
    (b'{"a": "\\ud800"}', "surrogate"),
    (b'{"\\udfff": 1}', "surrogate"),
    (b"NaN", "number"),
    (b'{"x": 1e999}', "finite"),
    (b"1" * 5000, "JSON"),
    (b"\xff", "UTF-8"),
])
def test_decode_json_refuses_with_a_reason(payload, reason):
    with pytest.raises(ProtocolError, match=reason):
        decode_json(payload)


def test_decode_json_keeps_valid_surrogate_pairs():
    assert decode_json(b'["\\ud83d\\ude00"]') == ["\U0001F600"]


json_leaf = (st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
             | st.floats() | st.text(max_size=8))
json_value = st.recursive(json_leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.text(max_size=6), kids, max_size=4), max_leaves=10)
hostile_text = st.sampled_from([
    b"[" * 5000, b'"\\ud800"', b"NaN", b"-Infinity", b"1e999", b"9" * 4400, b'{"seq": 1e400}',
])


def _encode(value) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


@settings(max_examples=400, deadline=None)
@given(raw=st.one_of(json_value.map(_encode), hostile_text, st.binary(max_size=64),
                     st.fixed_dictionaries({"seq": json_value, "ts": json_value, "values": json_value}).map(_encode),
                     st.fixed_dictionaries({"id": st.just("d1"), "capabilities": st.dictionaries(
                         st.text(max_size=5), st.fixed_dictionaries({"type": st.sampled_from(["int", "float"]),
                                                                      "min": json_value, "max": json_value,
                                                                      "step": json_value}), max_size=3)}).map(_encode)))
def test_no_exception_but_protocol_error_escapes_the_parsers(raw):
    parsers = [lambda o: DeviceMeta.from_json(o, "d1"), StateMessage.from_json, Ack.from_json,
               lambda o: Command.from_payload("d1", o)]
    try:
        obj = decode_json(raw)
    except ProtocolError:
        return
    for parse in parsers:
        try:
            parsed = parse(obj)
        except ProtocolError as exc:
            assert str(exc)  # a reason
            continue
        if isinstance(parsed, StateMessage):
            assert 0 <= parsed.seq < 2**53 and 0 <= parsed.ts <= time.time() + MAX_FUTURE_S
        if isinstance(parsed, DeviceMeta):
            for cap in parsed.capabilities.values():
                for bound in (cap.min, cap.max, cap.step):
                    assert bound is None or abs(bound) <= INT_LIMIT
