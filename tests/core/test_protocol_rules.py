"""The wire contract's validation, rule by rule (issue 16): each refusal with its exact reason, each
accepted value as it comes out, each encoder as it goes in.  Pure functions: no broker, no clock
(``now=`` is given)."""

from __future__ import annotations

import json
import math

import pytest

from console.core.protocol import (
    ACK_STATUSES,
    INT_LIMIT,
    MAX_CAPABILITIES,
    MAX_ENUM_VALUES,
    MAX_FUTURE_S,
    MAX_TEXT,
    SEQ_LIMIT,
    TERMINAL_STATES,
    Ack,
    Capability,
    Command,
    CommandState,
    DeviceMeta,
    DeviceTopic,
    ProtocolError,
    StateMessage,
    check_number,
    console_status_topic,
    cut_text,
    decode_json,
    device_topic,
    device_wildcard,
    encode_json,
    parse_device_topic,
    short_repr,
)

S = CommandState
NOW = 1_767_225_600.0


def refused(fn, *args, **kw) -> str:
    with pytest.raises(ProtocolError) as err:
        fn(*args, **kw)
    return str(err.value)


# -- helpers --------------------------------------------------------------------------------------
def test_short_repr_is_short_and_never_raises():
    assert short_repr("abc") == "'abc'" and short_repr(5) == "5" and short_repr(True) == "True"
    assert short_repr("x" * 100) == "'" + "x" * 58 + "…" and len(short_repr("x" * 100)) == 60
    assert short_repr("x" * 58) == "'" + "x" * 58 + "'"  # exactly 60: kept whole
    assert short_repr("y" * 30, limit=10) == "'yyyyyyyy…"
    assert short_repr(10**18) == "a 19-digit integer" and short_repr(-(10**18)) == "a 19-digit integer"
    assert short_repr(10**18 - 1) == str(10**18 - 1)
    assert short_repr(10**5000) == "a huge-digit integer" and short_repr(10**3999) == "a 4000-digit integer"
    assert short_repr(10**4000 - 1) == "a 4000-digit integer" and short_repr(10**4000) == "a huge-digit integer"
    assert short_repr(2 * 10**4000) == "a huge-digit integer"

    class Bad:
        def __repr__(self):
            raise RuntimeError("no")
    assert short_repr(Bad()) == "<Bad>"


def test_check_number_accepts_finite_numbers_in_range_and_says_why_not():
    assert check_number(5, "x") == 5 and check_number(-2.5, "x") == -2.5
    assert check_number(INT_LIMIT, "x") == INT_LIMIT and check_number(-INT_LIMIT, "x") == -INT_LIMIT
    assert check_number(3, "x", 3, 3, integer=True) == 3
    assert refused(check_number, True, "x") == "x must be a number, not True"
    assert refused(check_number, "5", "x") == "x must be a number, not '5'"
    assert refused(check_number, float("nan"), "x") == "x must be a finite number, not nan"
    assert refused(check_number, float("-inf"), "x") == "x must be a finite number, not -inf"
    assert refused(check_number, 2.0, "x", integer=True) == "x must be an integer, not 2.0"
    assert refused(check_number, INT_LIMIT + 1, "x") == "x 9007199254740993 is outside [-9.0072e+15, 9.0072e+15]"
    assert refused(check_number, 11, "ttl", 0, 10) == "ttl 11 is outside [0, 10]"
    assert refused(check_number, -1, "ttl", 0, 10) == "ttl -1 is outside [0, 10]"
    assert refused(check_number, 10**400, "x").startswith("x a 401-digit integer is outside")


def test_cut_text_cuts_at_the_limit_with_an_ellipsis_and_stringifies():
    assert cut_text("a" * MAX_TEXT) == "a" * MAX_TEXT
    assert cut_text("a" * (MAX_TEXT + 1)) == "a" * (MAX_TEXT - 1) + "…"
    assert cut_text(12) == "12" and cut_text("abcdef", 4) == "abc…" and cut_text("abcd", 4) == "abcd"


def test_the_terminal_and_replayable_states():
    assert TERMINAL_STATES == {S.SUCCEEDED, S.REJECTED, S.FAILED, S.TIMEOUT, S.EXPIRED, S.CANCELLED}
    assert [s for s in S if s.terminal] == [S.SUCCEEDED, S.REJECTED, S.FAILED, S.TIMEOUT, S.EXPIRED, S.CANCELLED]
    assert [s for s in S if s.replayable] == [S.QUEUED, S.SENT]
    assert [s.value for s in S] == ["QUEUED", "SENT", "DELIVERED", "ACCEPTED", "SUCCEEDED", "REJECTED", "FAILED",
                                    "TIMEOUT", "EXPIRED", "CANCELLED"]


# -- topics ---------------------------------------------------------------------------------------
def test_topics_are_built_and_parsed_back():
    assert device_topic("p", "lamp-1", "state") == "p/devices/lamp-1/state"
    with pytest.raises(ValueError, match="^unknown device topic kind 'x'$"):
        device_topic("p", "lamp-1", "x")
    assert console_status_topic("p", "c-1") == "p/consoles/c-1/status"
    assert device_wildcard("p") == "p/devices/+/+" and device_wildcard("p", "ack") == "p/devices/+/ack"
    for kind in ("meta", "state", "status", "cmd", "ack"):
        assert parse_device_topic("a/b", f"a/b/devices/d_1/{kind}") == DeviceTopic("d_1", kind)


@pytest.mark.parametrize("topic, reason", [
    ("q/devices/lamp-1/state", "topic 'q/devices/lamp-1/state' is outside p/devices/"),
    ("p/devices/lamp-1", "topic 'p/devices/lamp-1' does not have the form p/devices/ID/KIND"),
    ("p/devices/lamp-1/state/x", "topic 'p/devices/lamp-1/state/x' does not have the form p/devices/ID/KIND"),
    ("p/devices/Lamp/state", "device id 'Lamp' does not match ^[a-z0-9][a-z0-9_-]{0,63}$"),
    ("p/devices/-lamp/state", "device id '-lamp' does not match ^[a-z0-9][a-z0-9_-]{0,63}$"),
    ("p/devices/" + "a" * 65 + "/state", f"device id '{'a' * 65}' does not match ^[a-z0-9][a-z0-9_-]{{0,63}}$"),
    ("p/devices/lamp-1/status2", "unknown topic kind 'status2'"),
])
def test_a_topic_of_the_wrong_shape_is_refused_with_its_reason(topic, reason):
    assert refused(parse_device_topic, "p", topic) == reason


def test_the_longest_device_id_is_accepted():
    assert parse_device_topic("p", "p/devices/" + "a" * 64 + "/meta").device_id == "a" * 64


# -- capabilities ---------------------------------------------------------------------------------
def test_a_full_capability_is_read_and_written_back():
    raw = {"type": "int", "writable": 1, "min": 0, "max": 10, "unit": "%", "step": 2, "risk": "high"}
    cap = Capability.from_json("level", raw)
    assert cap == Capability("level", "int", True, 0, 10, "%", (), "high", 2)
    assert cap.to_json() == {"type": "int", "writable": True, "min": 0, "max": 10, "unit": "%", "step": 2,
                             "risk": "high"}
    bare = Capability.from_json("power", {"type": "bool"})
    assert bare == Capability("power", "bool") and bare.to_json() == {"type": "bool", "writable": False}
    enum = Capability.from_json("mode", {"type": "enum", "values": ["a", "b"], "unit": "u" * 50, "risk": "low"})
    assert enum.values == ("a", "b") and enum.unit == "u" * 39 + "…" and enum.risk == "low"
    assert enum.to_json() == {"type": "enum", "writable": False, "unit": "u" * 39 + "…", "values": ["a", "b"],
                              "risk": "low"}
    zero = Capability.from_json("t", {"type": "float", "min": 0, "max": 0})
    assert zero.to_json() == {"type": "float", "writable": False, "min": 0, "max": 0}


@pytest.mark.parametrize("name, raw, reason", [
    ("x", [], "capability 'x' must be an object"),
    ("", {"type": "int"}, "capability name '' must have 1 to 64 characters"),
    ("n" * 65, {"type": "int"}, f"capability name {short_repr('n' * 65)} must have 1 to 64 characters"),
    ("x", {"type": "string"}, "capability 'x' has unknown type 'string'"),
    ("x", {}, "capability 'x' has unknown type None"),
    ("m", {"type": "enum"}, "enum capability 'm' needs a non-empty list of strings"),
    ("m", {"type": "enum", "values": []}, "enum capability 'm' needs a non-empty list of strings"),
    ("m", {"type": "enum", "values": ["a", 1]}, "enum capability 'm' needs a non-empty list of strings"),
    ("m", {"type": "enum", "values": "ab"}, "enum capability 'm' needs a non-empty list of strings"),
    ("m", {"type": "enum", "values": ["v"] * (MAX_ENUM_VALUES + 1)},
     "enum capability 'm': at most 256 values of at most 200 characters"),
    ("m", {"type": "enum", "values": ["v" * (MAX_TEXT + 1)]},
     "enum capability 'm': at most 256 values of at most 200 characters"),
    ("x", {"type": "int", "min": 5, "max": 4}, "capability 'x': min 5 > max 4"),
    ("x", {"type": "int", "step": 0}, "capability 'x': step must be above 0, not 0"),
    ("x", {"type": "int", "step": -1.5}, "capability 'x': step must be above 0, not -1.5"),
    ("x", {"type": "int", "min": "0"}, "capability 'x': min must be a number, not '0'"),
    ("x", {"type": "int", "max": "9"}, "capability 'x': max must be a number, not '9'"),
    ("x", {"type": "int", "max": None, "step": True}, "capability 'x': step must be a number, not True"),
    ("x", {"type": "int", "risk": "medium"}, "capability 'x': risk must be low or high"),
])
def test_a_bad_capability_is_refused_with_its_reason(name, raw, reason):
    assert refused(Capability.from_json, name, raw) == reason


def test_the_edges_a_capability_may_have():
    assert Capability.from_json("n" * 64, {"type": "int"}).name == "n" * 64
    assert len(Capability.from_json("m", {"type": "enum", "values": ["v"] * MAX_ENUM_VALUES}).values) == MAX_ENUM_VALUES
    assert Capability.from_json("m", {"type": "enum", "values": ["v" * MAX_TEXT]}).values == ("v" * MAX_TEXT,)
    assert Capability.from_json("x", {"type": "int", "min": 4, "max": 4}).min == 4
    assert Capability.from_json("x", {"type": "int", "step": 0.001}).step == 0.001


def test_check_normalises_a_good_value_and_refuses_a_bad_one_with_its_reason():
    level = Capability("level", "int", True, 0, 100, "%")
    temp = Capability("temp", "float", True, -10.0, 30.5, "")
    power = Capability("power", "bool", True)
    mode = Capability("mode", "enum", True, values=("eco", "max"))
    assert level.check(5) == 5 and level.check(5.0) == 5 and type(level.check(5.0)) is int
    assert level.check(0) == 0 and level.check(100) == 100
    assert temp.check(3) == 3.0 and type(temp.check(3)) is float and temp.check(30.5) == 30.5 and temp.check(-10) == -10.0
    assert power.check(False) is False and mode.check("max") == "max"
    assert refused(power.check, 1) == "power must be true or false, not 1"
    assert refused(mode.check, "off") == "mode must be one of eco, max, not 'off'"
    assert refused(mode.check, 3) == "mode must be one of eco, max, not 3"
    assert refused(level.check, "5") == "level must be a number, not '5'"
    assert refused(level.check, True) == "level must be a number, not True"
    assert refused(level.check, math.inf) == "level must be a finite number"
    assert refused(level.check, 5.5) == "level must be a whole number, not 5.5"
    assert refused(level.check, 101) == "level 101 % is above the maximum 100 %"
    assert refused(level.check, -1) == "level -1 % is below the minimum 0 %"
    assert refused(temp.check, 30.6) == "temp 30.6 is above the maximum 30.5"
    assert refused(temp.check, -10.5) == "temp -10.5 is below the minimum -10.0"
    assert refused(Capability("n", "int").check, INT_LIMIT * 2).startswith("n 18014398509481984 is outside")
    assert Capability("n", "int").check(-INT_LIMIT) == -INT_LIMIT  # no bounds declared: only the wire's
    many = Capability("m", "enum", values=tuple(f"value-{i:03d}" for i in range(100)))
    reason = refused(many.check, "z")
    assert reason == f"m must be one of {', '.join(many.values)[:200]}, not 'z'"


# -- meta -----------------------------------------------------------------------------------------
LAMP = {"id": "lamp-1", "name": "Lamp", "kind": "lamp", "zone": "office", "schema": 2, "risk": "high",
        "capabilities": {"power": {"type": "bool", "writable": True},
                         "level": {"type": "int", "min": 0, "max": 100, "writable": True, "risk": "low"},
                         "temp": {"type": "float"}}}


def test_a_meta_is_read_cut_to_size_and_written_back():
    meta = DeviceMeta.from_json(LAMP, expected_id="lamp-1")
    assert (meta.id, meta.name, meta.kind, meta.zone, meta.risk, meta.schema) == ("lamp-1", "Lamp", "lamp", "office",
                                                                                   "high", 2)
    assert list(meta.capabilities) == ["power", "level", "temp"]
    assert meta.to_json() == {"schema": 2, "id": "lamp-1", "name": "Lamp", "kind": "lamp", "zone": "office",
                              "capabilities": {"power": {"type": "bool", "writable": True},
                                               "level": {"type": "int", "writable": True, "min": 0, "max": 100,
                                                         "risk": "low"},
                                               "temp": {"type": "float", "writable": False}},
                              "risk": "high"}
    bare = DeviceMeta.from_json({"id": "x1", "capabilities": {}})
    assert (bare.name, bare.kind, bare.zone, bare.risk, bare.schema) == ("x1", "", "", "low", 1)
    long = DeviceMeta.from_json({"id": "x1", "name": "n" * 300, "kind": 7, "zone": "z" * 201, "capabilities": {}})
    assert (long.name, long.kind, long.zone) == ("n" * 199 + "…", "7", "z" * 199 + "…")


@pytest.mark.parametrize("schema, kept", [(0, 0), (999, 999), (1000, 1), (-1, 1), (True, 1), ("2", 1), (2.0, 1)])
def test_a_schema_number_outside_0_to_999_reads_as_1(schema, kept):
    assert DeviceMeta.from_json({"id": "x1", "capabilities": {}, "schema": schema}).schema == kept


@pytest.mark.parametrize("raw, expected, reason", [
    ([], None, "meta must be a JSON object"),
    ({"capabilities": {}}, None, "meta has an invalid id None"),
    ({"id": "Bad Id", "capabilities": {}}, None, "meta has an invalid id 'Bad Id'"),
    ({"id": "x1", "capabilities": {}}, "x2", "meta id 'x1' does not match topic id 'x2'"),
    ({"id": "x1"}, None, "meta of x1 has no capabilities object"),
    ({"id": "x1", "capabilities": []}, None, "meta of x1 has no capabilities object"),
    ({"id": "x1", "capabilities": {}, "risk": "none"}, None, "meta of x1: risk must be low or high"),
    ({"id": "x1", "capabilities": {f"c{i}": {"type": "bool"} for i in range(MAX_CAPABILITIES + 1)}}, None,
     "meta of x1 has 257 capabilities, at most 256"),
    ({"id": "x1", "capabilities": {"c": {"type": "nope"}}}, None, "capability 'c' has unknown type 'nope'"),
])
def test_a_bad_meta_is_refused_with_its_reason(raw, expected, reason):
    assert refused(DeviceMeta.from_json, raw, expected_id=expected) == reason


def test_256_capabilities_are_allowed():
    caps = {f"c{i}": {"type": "bool"} for i in range(MAX_CAPABILITIES)}
    assert len(DeviceMeta.from_json({"id": "x1", "capabilities": caps}).capabilities) == MAX_CAPABILITIES


def test_risk_is_the_capabilitys_own_or_else_the_devices():
    meta = DeviceMeta.from_json(LAMP)
    assert meta.cap_risk("level") == "low" and meta.cap_risk("power") == "high" and meta.cap_risk("nope") == "high"
    assert meta.is_high_risk() and meta.is_high_risk({}) and meta.is_high_risk({"power": True})
    assert not meta.is_high_risk({"level": 3})
    assert meta.is_high_risk({"level": 3, "power": True})
    low = DeviceMeta.from_json({**LAMP, "risk": "low",
                                "capabilities": {"power": {"type": "bool", "risk": "high"}, "level": {"type": "int"}}})
    assert not low.is_high_risk() and low.is_high_risk({"power": 1}) and not low.is_high_risk({"level": 1})


def test_validate_params_normalises_a_good_command_and_refuses_a_bad_one():
    meta = DeviceMeta.from_json(LAMP)
    assert meta.validate_params("set", {"level": 5.0, "power": False}) == {"level": 5, "power": False}
    assert meta.validate_params("refresh", None) == {} and meta.validate_params("refresh", {}) == {}
    assert refused(meta.validate_params, "toggle", {}) == "unknown action 'toggle'; use set or refresh"
    assert refused(meta.validate_params, "refresh", {"level": 1}) == "refresh takes no params"
    assert refused(meta.validate_params, "set", {}) == "set needs at least one capability in params"
    assert refused(meta.validate_params, "set", None) == "set needs at least one capability in params"
    assert refused(meta.validate_params, "set", [("level", 1)]) == "set needs at least one capability in params"
    assert refused(meta.validate_params, "set", {"colour": 1}) == "lamp-1 has no capability 'colour'"
    assert refused(meta.validate_params, "set", {"temp": 20.0}) == "lamp-1.temp is read-only"
    assert refused(meta.validate_params, "set", {"level": 1, "power": "on"}) == "power must be true or false, not 'on'"


# -- state, commands, acks ------------------------------------------------------------------------
def test_a_state_is_read_within_its_limits():
    msg = StateMessage.from_json({"seq": 0, "ts": 5, "values": {"a": 1}}, now=NOW)
    assert msg == StateMessage(0, 5.0, {"a": 1}) and type(msg.ts) is float
    assert msg.to_json() == {"seq": 0, "ts": 5.0, "values": {"a": 1}}
    assert StateMessage.from_json({"seq": SEQ_LIMIT - 1, "values": {}}, now=NOW).ts == 0.0  # ts defaults to 0
    assert StateMessage.from_json({"seq": 1, "ts": NOW + MAX_FUTURE_S, "values": {}}, now=NOW).ts == NOW + MAX_FUTURE_S
    values = {"a": 1}
    assert StateMessage.from_json({"seq": 1, "values": values}, now=NOW).values is not values  # a copy


@pytest.mark.parametrize("raw, reason", [
    ([], "state must be a JSON object"),
    ({"values": {}}, "state seq must be an integer in [0, 2**53), not None"),
    ({"seq": -1, "values": {}}, "state seq must be an integer in [0, 2**53), not -1"),
    ({"seq": SEQ_LIMIT, "values": {}}, "state seq must be an integer in [0, 2**53), not 9007199254740992"),
    ({"seq": 1.0, "values": {}}, "state seq must be an integer in [0, 2**53), not 1.0"),
    ({"seq": True, "values": {}}, "state seq must be an integer in [0, 2**53), not True"),
    ({"seq": 1, "ts": -0.5, "values": {}}, "state ts -0.5 is outside [0, 1.76731e+09]"),
    ({"seq": 1, "ts": NOW + MAX_FUTURE_S + 1, "values": {}}, "state ts 1767312001.0 is outside [0, 1.76731e+09]"),
    ({"seq": 1, "ts": "now", "values": {}}, "state ts must be a number, not 'now'"),
    ({"seq": 1}, "state values must be an object"),
    ({"seq": 1, "values": [1]}, "state values must be an object"),
])
def test_a_bad_state_is_refused_with_its_reason(raw, reason):
    assert refused(StateMessage.from_json, raw, now=NOW) == reason


def test_a_command_is_made_sent_and_read_back():
    cmd = Command.new("lamp-1", {"level": 3}, ttl_s=5, origin="assistant", now=NOW)
    assert (cmd.device_id, cmd.action, cmd.params, cmd.ts, cmd.ttl_s, cmd.origin, cmd.trace) == (
        "lamp-1", "set", {"level": 3}, NOW, 5.0, "assistant", "")
    assert len(cmd.id) == 36 and cmd.id != Command.new("lamp-1", now=NOW).id
    assert Command.new("lamp-1", action="refresh", now=NOW).params == {}
    assert refused(Command.new, "lamp-1", {}, origin="robot") == "unknown origin 'robot'"
    assert not cmd.expired(NOW + 5) and cmd.expired(NOW + 5.001) and not cmd.expired(NOW)
    payload = cmd.payload()
    assert payload == {"id": cmd.id, "ts": NOW, "ttl_s": 5.0, "action": "set", "params": {"level": 3},
                       "origin": "assistant"}
    assert Command.from_payload("lamp-1", payload) == cmd
    traced = Command("c1", "d", "set", {}, NOW, 30.0, "operator", "trace-7")
    assert traced.payload()["trace"] == "trace-7" and Command.from_payload("d", traced.payload()) == traced


def test_a_commands_defaults_and_cuts_on_the_way_in():
    cmd = Command.from_payload("d", {"id": "c1", "ts": 7, "action": "refresh", "origin": "martian",
                                     "trace": "t" * 200})
    assert (cmd.ttl_s, cmd.params, cmd.origin, cmd.ts) == (30.0, {}, "operator", 7.0)
    assert cmd.trace == "t" * 127 + "…" and type(cmd.ttl_s) is float and type(cmd.ts) is float
    assert Command.from_payload("d", {"id": "c" * 128, "ts": 0, "action": "set", "origin": "replay"}).origin == "replay"


@pytest.mark.parametrize("raw, reason", [
    ([], "command must be a JSON object"),
    ({"ts": 1, "action": "set"}, "command id must be a non-empty string"),
    ({"id": "", "ts": 1, "action": "set"}, "command id must be a non-empty string"),
    ({"id": 5, "ts": 1, "action": "set"}, "command id must be a non-empty string"),
    ({"id": "c" * 129, "ts": 1, "action": "set"}, "command id must be a non-empty string"),
    ({"id": "c1", "action": "set"}, "command ts must be a number, not None"),
    ({"id": "c1", "ts": 1, "ttl_s": "x", "action": "set"}, "command ttl_s must be a number, not 'x'"),
    ({"id": "c1", "ts": 1, "action": "toggle"}, "unknown action 'toggle'"),
    ({"id": "c1", "ts": 1, "action": "set", "params": [1]}, "command params must be an object"),
])
def test_a_bad_command_is_refused_with_its_reason(raw, reason):
    assert refused(Command.from_payload, "d", raw) == reason


def test_an_ack_is_read_and_written_back():
    ack = Ack.from_json({"id": "c1", "status": "done", "ts": 5, "state_seq": 0})
    assert ack == Ack("c1", "done", 5.0, "", 0) and type(ack.ts) is float
    assert ack.to_json() == {"id": "c1", "status": "done", "ts": 5.0, "state_seq": 0}
    bare = Ack.from_json({"id": "c1", "status": "accepted"})
    assert bare == Ack("c1", "accepted", 0.0) and bare.to_json() == {"id": "c1", "status": "accepted", "ts": 0.0}
    failed = Ack.from_json({"id": "c" * 128, "status": "failed", "error": "e" * 600, "state_seq": SEQ_LIMIT - 1})
    assert failed.error == "e" * 499 + "…" and failed.state_seq == SEQ_LIMIT - 1
    assert failed.to_json()["error"] == failed.error
    assert Ack.from_json({"id": "c1", "status": "rejected", "error": None}).error == ""
    assert set(ACK_STATUSES) == {"accepted", "done", "rejected", "failed"}


@pytest.mark.parametrize("raw, reason", [
    ("x", "ack must be a JSON object"),
    ({"status": "done"}, "ack id must be a non-empty string"),
    ({"id": "", "status": "done"}, "ack id must be a non-empty string"),
    ({"id": 3, "status": "done"}, "ack id must be a non-empty string"),
    ({"id": "c1", "status": "ok"}, "unknown ack status 'ok'"),
    ({"id": "c1"}, "unknown ack status None"),
    ({"id": "c" * 129, "status": "done"}, "ack id is longer than 128 characters"),
    ({"id": "c1", "status": "done", "ts": "x"}, "ack ts must be a number, not 'x'"),
    ({"id": "c1", "status": "done", "state_seq": -1}, "ack state_seq -1 is outside [0, 9.0072e+15]"),
    ({"id": "c1", "status": "done", "state_seq": 1.5}, "ack state_seq must be an integer, not 1.5"),
    ({"id": "c1", "status": "done", "state_seq": SEQ_LIMIT},
     "ack state_seq 9007199254740992 is outside [0, 9.0072e+15]"),
])
def test_a_bad_ack_is_refused_with_its_reason(raw, reason):
    assert refused(Ack.from_json, raw) == reason


# -- JSON -----------------------------------------------------------------------------------------
def test_decode_json_reads_utf8_json_up_to_the_size_cap():
    assert decode_json(b'{"a": [1, 2.5, "\xc3\xa9"]}') == {"a": [1, 2.5, "é"]}
    assert decode_json(b"1" * 10, max_bytes=10) == 1111111111
    assert refused(decode_json, b"1" * 11, max_bytes=10) == "payload of 11 bytes exceeds 10"
    assert refused(decode_json, b"x" * (256 * 1024 + 1)) == "payload of 262145 bytes exceeds 262144"
    assert refused(decode_json, b"\xff") == ("payload is not UTF-8 JSON: \"'utf-8' codec can't decode byte 0xff in "
                                             "position 0: invalid start byte\"")
    assert refused(decode_json, b"NaN") == "payload is not UTF-8 JSON: 'NaN is not a number JSON allows'"
    assert refused(decode_json, b"1e999") == "payload is not UTF-8 JSON: 'number 1e999 is not finite'"
    assert refused(decode_json, b"[" * 100_000 + b"]" * 100_000) == "payload is nested too deeply"
    assert refused(decode_json, b'{"k": ["\\udfff"]}') == "payload has a lone surrogate (\\ud800-\\udfff) in a string"
    assert refused(decode_json, b'{"\\ud800": 1}') == "payload has a lone surrogate (\\ud800-\\udfff) in a string"
    assert decode_json(b'"\\ud83d\\ude00"') == "\U0001F600"  # a pair is one character
    assert decode_json(b'{"a": "\\\\ud800"}') == {"a": "\\ud800"}  # an escaped backslash: plain text


def test_encode_json_is_compact_utf8():
    assert encode_json({"a": [1, "é"], "b": None}) == '{"a":[1,"é"],"b":null}'.encode()
    assert json.loads(encode_json({"x": 1.5})) == {"x": 1.5}


def test_a_state_is_judged_on_the_clock_when_no_time_is_given():
    import time

    assert StateMessage.from_json({"seq": 1, "ts": time.time() + 3600, "values": {}}).seq == 1
    assert refused(StateMessage.from_json, {"seq": 1, "ts": time.time() + 2 * MAX_FUTURE_S, "values": {}}).startswith(
        "state ts ")


def test_a_new_command_reads_the_clock_and_takes_the_default_ttl_when_not_given():
    import time

    before = time.time()
    cmd = Command.new("lamp-1", {"level": 1})
    assert before <= cmd.ts <= time.time() and cmd.ttl_s == 30.0 and cmd.origin == "operator"
    assert not cmd.expired()  # now read from the clock too
    assert Command("c1", "d", "set", {}, time.time() - 31, 30.0).expired()


def test_an_alert_rules_origin_is_rule_and_its_id_up_to_80_characters():
    assert Command.new("d", {}, origin="rule:" + "r" * 75, now=NOW).origin == "rule:" + "r" * 75
    assert refused(Command.new, "d", {}, origin="rule:" + "r" * 76, now=NOW) == f"unknown origin {'rule:' + 'r' * 76!r}"
    assert refused(Command.new, "d", {}, origin="rules", now=NOW) == "unknown origin 'rules'"


def test_the_reasons_for_a_long_number_or_a_long_error_are_cut():
    assert refused(decode_json, b"[1e" + b"9" * 30 + b"]") == (
        "payload is not UTF-8 JSON: 'number 1e999999999999999999 is not finite'")
    with pytest.raises(ValueError) as too_long:
        int("1" * 5000)
    reason = refused(decode_json, b"1" * 5000)  # Python's own message, longer than 120 characters
    assert len(str(too_long.value)) > 120
    assert reason == f"payload is not UTF-8 JSON: {short_repr(str(too_long.value), 120)}"
