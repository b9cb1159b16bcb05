"""The assistant's parser: commands valid by construction, refusals with reasons, both languages."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.fleet.catalog import load_fleet
from console.core.assistant.intents import (
    AMBIGUOUS,
    NOTHING_ACTIONABLE,
    OUT_OF_RANGE,
    READ_ONLY,
    TOO_MANY,
    UNKNOWN_DEVICE,
    UNSUPPORTED,
    IntentParser,
    aliases_for_fleet,
    aliases_path_for,
    default_aliases,
    load_aliases,
    parse,
    zh_number,
)
from console.core.protocol import DeviceMeta, ProtocolError

DATA = Path(__file__).resolve().parents[2] / "data"
FLEET = load_fleet()
PARSER = IntentParser(FLEET, default_aliases())

# measured with `python bench/intents.py`: 98.8 % exact on the development set (81/82; the miss is the
# paraphrase "keep the sun out of the office", which needs a model); the two sets written after the
# parser scored 92.7 % and 92.9 % on their first runs and 100 % after generic fixes.  The thresholds
# leave room for a regression or two to be looked at, not for the parser to get worse silently.
DEV_EXACT_MIN = 0.95
HOLDOUT_EXACT_MIN = 0.90


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def canon(cmds) -> set:
    out = set()
    for c in cmds:
        dev, params = (c["device_id"], c["params"]) if isinstance(c, dict) else (c.device_id, c.params)
        out.add((dev, json.dumps({k: v if isinstance(v, (bool, str)) else float(v) for k, v in params.items()},
                                 sort_keys=True)))
    return out


def score(name: str) -> tuple[float, float, float, list]:
    data = rows(name)
    hits, tp, pred_ref, exp_ref, misses = 0, 0, 0, 0, []
    for row in data:
        prop = PARSER.parse(row["text"])
        want_ref, got_ref = "refuse" in row, prop.refusal is not None
        exp_ref += want_ref
        pred_ref += got_ref
        tp += want_ref and got_ref
        hit = (want_ref and got_ref) or (not want_ref and not got_ref and canon(prop.commands) == canon(row["expect"]))
        hits += hit
        if not hit:
            misses.append(row["text"])
    return hits / len(data), tp / max(pred_ref, 1), tp / max(exp_ref, 1), misses


def assert_valid(prop) -> None:
    by_id = FLEET.by_id()
    for c in prop.commands:
        meta = by_id[c.device_id]
        assert meta.validate_params("set", c.params) == c.params
        assert c.high_risk == meta.is_high_risk(c.params)
        assert c.summary


# -- the evaluation sets ----------------------------------------------------------------------------


def test_evaluation_set_shape():
    data = rows("utterances.jsonl")
    assert len(data) >= 60
    zh = sum(r["lang"] == "zh" for r in data) / len(data)
    refusals = sum("refuse" in r for r in data) / len(data)
    assert 0.2 <= zh <= 0.35 and 0.15 <= refusals <= 0.3
    assert sum(len(r.get("expect", [])) > 1 for r in data) >= 5
    by_id = FLEET.by_id()
    for r in data:  # the expectations themselves are legal commands
        for c in r.get("expect", []):
            by_id[c["device_id"]].validate_params("set", c["params"])


def test_development_set_exact_match_and_refusals():
    exact, precision, recall, misses = score("utterances.jsonl")
    assert exact >= DEV_EXACT_MIN, misses
    assert recall == 1.0, misses  # every ask that must be refused is refused
    assert precision >= 0.9, misses


@pytest.mark.parametrize("name", ["utterances_holdout.jsonl", "utterances_fresh.jsonl"])
def test_sets_written_after_the_parser(name):
    exact, precision, recall, misses = score(name)
    assert exact >= HOLDOUT_EXACT_MIN, misses
    assert recall == 1.0 and precision >= 0.9, misses


def test_every_proposal_on_the_sets_is_valid():
    for name in ("utterances.jsonl", "utterances_holdout.jsonl", "utterances_fresh.jsonl"):
        for row in rows(name):
            assert_valid(PARSER.parse(row["text"]))


# -- valid by construction --------------------------------------------------------------------------

VOCAB = sorted(
    {w for phrase in list(PARSER.names.entries) + list(PARSER.lex.entries) for w in phrase.split()}
    | {"to", "at", "the", "and", "in", "on", "off", "%", "°C", "rpm", "L/min", "度", "转", "kitchen", "?", "的"}
)
WORDS = st.one_of(
    st.sampled_from(VOCAB),
    st.integers(-500, 500).map(str),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.text(max_size=8),
)


def _phrases(kind: str) -> list[str]:
    return sorted(p for p, payloads in PARSER.lex.entries.items() if payloads[0][0] == kind)


def _opt(strategy):
    return st.one_of(st.just(""), strategy)


NUMBERS = st.one_of(st.integers(-50, 300).map(str), st.floats(-50, 300, allow_nan=False).map(lambda f: f"{f:.1f}"))
VALUE = st.one_of(
    st.tuples(NUMBERS, st.sampled_from(["", " ", " %", "%", " degrees", "度", " rpm", "转", " L/min", "升每分钟"]))
    .map("".join),
    st.sampled_from(_phrases("enum") + _phrases("value")),
)
# shaped like commands, so that most of them are proposals (the property below is about those)
COMMAND_LIKE = st.tuples(
    _opt(st.sampled_from(_phrases("action"))),
    _opt(st.sampled_from(_phrases("quant"))),
    st.lists(st.sampled_from(sorted(PARSER.names.entries)), min_size=1, max_size=3).map(" and ".join),
    _opt(st.sampled_from(_phrases("hint"))),
    _opt(st.sampled_from(["to", "at", "设为", "调到"])),
    _opt(VALUE),
).map(" ".join)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def rule_errors():
    """parse() re-validates every command and logs an error if its own rules built an invalid one
    (the operator then gets a refusal): such a log means the construction is wrong."""
    handler = _Errors()
    log = logging.getLogger("console.core.assistant.intents")
    log.addHandler(handler)
    yield handler.records
    log.removeHandler(handler)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, max_size=12), sep=st.sampled_from([" ", ""]))
def test_random_utterances_never_crash_and_never_propose_invalid_commands(rule_errors, words, sep):
    prop = PARSER.parse(sep.join(words))
    assert (prop.refusal is None) == bool(prop.commands)
    if prop.refusal is not None:
        assert prop.refusal.reason
    assert_valid(prop)
    assert not rule_errors, [r.getMessage() for r in rule_errors]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=COMMAND_LIKE)
def test_command_like_utterances_only_ever_yield_valid_commands(rule_errors, text):
    prop = PARSER.parse(text)
    assert (prop.refusal is None) == bool(prop.commands)
    assert_valid(prop)
    assert not rule_errors, [r.getMessage() for r in rule_errors]


@settings(max_examples=150, deadline=None)
@given(st.floats(-100, 200, allow_nan=False).map(lambda f: round(f, 1)))
def test_setpoint_in_range_is_kept_exactly_and_out_of_range_names_the_range(value):
    prop = PARSER.parse(f"set the office AC to {value:g} degrees")
    if 16 <= value <= 30:
        assert [(c.device_id, c.params) for c in prop.commands] == [("hvac-office", {"setpoint": value})]
    else:
        assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
        assert "16–30 °C" in prop.refusal.reason  # the allowed range, never a clamped command


@pytest.mark.parametrize(
    "text, needle",
    [
        ("run conveyor A at 200 rpm", "0–120 rpm"),
        ("set the pump flow to 80 L/min", "0–50 L/min"),
        ("dim the desk lamp to 150%", "0–100 %"),
        ("set the fan speed to turbo", "low, medium or high"),
        ("把空调温度设为40度", "16–30 °C"),
        ("把B线传送带速度设为150转", "0–120 rpm"),
        ("set both conveyors to 130 rpm", "0–120 rpm"),
    ],
)
def test_out_of_range_refusals_name_the_allowed_range(text, needle):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
    assert needle in prop.refusal.reason
    assert not prop.commands


def test_integer_capability_refuses_a_fraction_instead_of_rounding():
    prop = PARSER.parse("run conveyor A at 60.5 rpm")
    assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
    assert "whole number" in prop.refusal.reason


# -- conventions -------------------------------------------------------------------------------------


def cmds(text: str) -> list[tuple[str, dict]]:
    prop = PARSER.parse(text)
    assert prop.refusal is None, prop.refusal
    return [(c.device_id, c.params) for c in prop.commands]


def test_the_verb_decides_whether_a_device_is_switched_on():
    assert cmds("set the fan to high") == [("fan-line-a", {"speed": "high"})]
    assert cmds("run the fan at high speed") == [("fan-line-a", {"power": True, "speed": "high"})]
    assert cmds("set conveyor B to 60 rpm") == [("conveyor-b", {"speed": 60})]
    assert cmds("run conveyor B at 60 rpm") == [("conveyor-b", {"running": True, "speed": 60})]


def test_open_and_close_mean_full_travel_unless_a_value_is_given():
    assert cmds("open the steam valve") == [("valve-steam", {"open": 100})]
    assert cmds("close the blinds") == [("blinds-office", {"position": 0})]
    assert cmds("open the steam valve to 30%") == [("valve-steam", {"open": 30})]
    assert cmds("open the blinds halfway") == [("blinds-office", {"position": 50})]
    assert cmds("run conveyor A at max speed") == [("conveyor-a", {"running": True, "speed": 120})]


def test_locks_only_react_to_lock_words():
    assert cmds("unlock the main door") == [("lock-main-door", {"locked": False})]
    prop = PARSER.parse("open the main door")
    assert prop.refusal is not None and "lock" in prop.refusal.reason


def test_on_as_a_preposition_is_not_an_action():
    prop = PARSER.parse("switch off the office light on the ceiling")
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS  # a tie, not "on and off"
    assert cmds("stop everything on line A") == [("fan-line-a", {"power": False}), ("conveyor-a", {"running": False})]
    assert cmds("siren on, steady tone") == [("siren-yard", {"active": True, "pattern": "steady"})]


def test_ties_set_reaches_the_tie_break():
    """Every utterance of tests/data/ties.jsonl (bench/intents.py --model) must be a tie for the rules."""
    for row in rows("ties.jsonl"):
        prop = PARSER.parse(row["text"])
        assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS, row["text"]
        assert FLEET.by_id()[row["expect"]].name in prop.refusal.reason


def test_several_matching_devices_need_all_or_a_name():
    prop = PARSER.parse("turn on the office lamp")
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
    assert "Office ceiling lamp" in prop.refusal.reason and "Office desk lamp" in prop.refusal.reason
    assert sorted(cmds("turn on both office lamps")) == [("lamp-office-1", {"power": True}),
                                                         ("lamp-office-2", {"power": True})]


def test_clauses_with_their_own_changes_are_read_apart_all_or_nothing():
    assert cmds("turn the lights on and the fan off") == [
        ("lamp-office-1", {"power": True}), ("lamp-office-2", {"power": True}), ("lamp-warehouse", {"power": True}),
        ("fan-line-a", {"power": False})]
    assert cmds("set the desk lamp to 30% and the ceiling lamp to 70%") == [
        ("lamp-office-2", {"level": 30}), ("lamp-office-1", {"level": 70})]
    assert cmds("stop the siren and lock the door") == [("siren-yard", {"active": False}),
                                                         ("lock-main-door", {"locked": True})]
    assert cmds("把台灯关了，然后把空调设为24度") == [("lamp-office-2", {"power": False}), ("hvac-office", {"setpoint": 24.0})]
    prop = PARSER.parse("set the desk lamp to 30% and the ceiling lamp to 170%")  # one bad part: nothing
    assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE and not prop.commands
    assert "0–100 %" in prop.refusal.reason


def test_devices_in_general_by_zone_or_fleet():
    assert cmds("关闭A线所有设备") == [("fan-line-a", {"power": False}), ("conveyor-a", {"running": False})]
    everything = dict(cmds("turn off all devices"))
    assert everything["conveyor-b"] == {"running": False} and everything["siren-yard"] == {"active": False}
    # on/off for devices in general switches things off: it closes no valve or blinds
    assert "valve-steam" not in everything and "blinds-office" not in everything
    assert cmds("close everything in the office") == [("blinds-office", {"position": 0})]


def test_english_number_words_where_a_value_goes():
    assert cmds("set the AC to twenty two degrees") == [("hvac-office", {"setpoint": 22.0})]
    assert cmds("run conveyor A at sixty rpm") == [("conveyor-a", {"running": True, "speed": 60})]
    assert cmds("set the blinds to forty-five %") == [("blinds-office", {"position": 45})]
    prop = PARSER.parse("set the AC to one hundred degrees")
    assert prop.refusal is not None and "16–30 °C" in prop.refusal.reason


@pytest.mark.parametrize("text", ["set the AC to 22 degrees fahrenheit", "set the AC to 72 F", "把空调调到七十二华氏度",
                                  "set the pump to 20 gallons"])
def test_units_we_do_not_know_are_refused_not_read_as_the_devices_unit(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == UNSUPPORTED and not prop.commands


def test_a_kind_word_that_names_the_same_device_adds_no_device():
    assert cmds("set the lamp level to max on the desk lamp") == [("lamp-office-2", {"level": 100})]
    assert cmds("turn on the desk lamp and all other lamps") == [
        ("lamp-office-2", {"power": True}), ("lamp-office-1", {"power": True}), ("lamp-warehouse", {"power": True})]


def test_one_of_several_is_one_device():
    prop = PARSER.parse("turn on one of the lamps")  # a plural noun, but one device: which?
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS


def test_more_chinese_forms():
    assert cmds("锁门") == [("lock-main-door", {"locked": True})]
    assert cmds("把台灯调到一百") == [("lamp-office-2", {"level": 100})]
    assert cmds("把蒸汽阀开到四分之一") == [("valve-steam", {"open": 25})]


def test_plural_group_skips_devices_that_cannot_take_the_change():
    # the warehouse floodlight has no dimmer: "all lights to 40 %" dims the two that have one
    assert sorted(cmds("set all lights to 40%")) == [("lamp-office-1", {"level": 40}),
                                                     ("lamp-office-2", {"level": 40})]


def test_multi_device_commands_carry_their_own_risk():
    prop = PARSER.parse("stop both conveyors")
    assert [c.device_id for c in prop.commands] == ["conveyor-a", "conveyor-b"]
    assert all(c.high_risk for c in prop.commands) and prop.needs_extra_confirmation
    low = PARSER.parse("turn off all office lights")
    assert not low.needs_extra_confirmation and len(low.commands) == 2


@pytest.mark.parametrize(
    "text, kind",
    [
        ("turn on the kitchen lights", UNKNOWN_DEVICE),
        ("turn on the lights in the basement", UNKNOWN_DEVICE),
        ("start the coffee machine", UNKNOWN_DEVICE),
        ("打开厨房的灯", UNKNOWN_DEVICE),
        ("set conveyor A load to 50%", READ_ONLY),
        ("把仓库温度设为20度", READ_ONLY),
        ("hello", NOTHING_ACTIONABLE),
        ("how do I start the pump?", NOTHING_ACTIONABLE),
        ("", NOTHING_ACTIONABLE),
        ("x" * 5000, NOTHING_ACTIONABLE),
    ],
)
def test_refusals_say_why(text, kind):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == kind
    assert len(prop.refusal.reason) > 10 and not prop.commands


@pytest.mark.parametrize(
    "text",
    [
        "don't stop conveyor A",  # read word by word this is "stop conveyor A"
        "不要关灯",
        "turn off all lights except the desk lamp",  # would switch the desk lamp off too
        "stop conveyor A if the load is above 90%",
        "turn off the lamp in 5 minutes",
        "30分钟后关灯",
        "raise the blinds by 20%",  # would set the position to 20
        "把空调调高2度",  # would set the setpoint to 2
        "make the office warmer",
    ],
)
def test_negations_exceptions_conditions_and_relative_changes_are_refused(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == UNSUPPORTED and not prop.commands


@pytest.mark.parametrize("text", ["turn on lamp 2", "start 2 conveyors", "set conveyor A 40"])
def test_a_number_that_is_not_clearly_a_value_is_refused_not_guessed(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
    assert "refer to" in prop.refusal.reason


def test_target_values_after_relative_sounding_verbs_are_fine():
    assert cmds("increase the AC to 25 degrees") == [("hvac-office", {"setpoint": 25.0})]
    assert cmds("把吊灯调暗到20%") == [("lamp-office-1", {"level": 20})]
    assert cmds("set conveyor A speed: 40") == [("conveyor-a", {"speed": 40})]
    assert cmds("set the AC to 22") == [("hvac-office", {"setpoint": 22.0})]


def test_unknown_adjectives_are_not_nouns_when_known_harmless():
    # "please", "could you", "right away": unknown-but-harmless words never cause a refusal
    assert cmds("could you please stop conveyor A right away") == [("conveyor-a", {"running": False})]


# -- Chinese -----------------------------------------------------------------------------------------


def test_chinese_utterances_and_summaries():
    prop = PARSER.parse("把办公室空调温度设为26度")
    assert prop.lang == "zh"
    assert [(c.device_id, c.params) for c in prop.commands] == [("hvac-office", {"setpoint": 26.0})]
    assert prop.commands[0].summary == "办公室空调：设定温度 26 °C"
    assert sorted(cmds("关闭所有灯")) == [("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False}),
                                         ("lamp-warehouse", {"power": False})]
    assert cmds("空调温度调到二十二度") == [("hvac-office", {"setpoint": 22.0})]
    assert cmds("把台灯亮度调到百分之四十") == [("lamp-office-2", {"level": 40})]
    assert cmds("停止两条传送带") == [("conveyor-a", {"running": False}), ("conveyor-b", {"running": False})]
    refusal = PARSER.parse("把空调温度设为40度").refusal
    assert refusal is not None and "超出允许范围" in refusal.reason


def test_full_width_digits_and_percent():
    assert cmds("把台灯亮度调到４０％") == [("lamp-office-2", {"level": 40})]


@pytest.mark.parametrize("text, value", [("二十二", 22), ("十", 10), ("十五", 15), ("一百二十", 120), ("一百二", 120),
                                         ("三十", 30), ("九", 9), ("一百", 100), ("两百", 200)])
def test_zh_number(text, value):
    assert zh_number(text) == value


# -- fleets and aliases ------------------------------------------------------------------------------


def test_parse_takes_a_list_of_metas_like_the_registry_gives():
    metas = [FLEET.by_id()[i] for i in ("conveyor-a", "conveyor-b")]
    prop = parse("stop both conveyors", metas)
    assert [c.device_id for c in prop.commands] == ["conveyor-a", "conveyor-b"]
    # devices not in the list do not exist for the parser
    assert parse("turn on the desk lamp", metas).refusal is not None


def test_aliases_file_next_to_the_fleet_is_loaded(tmp_path):
    fleet_file = tmp_path / "plant-fleet.json"
    fleet_file.write_text(json.dumps({"devices": [
        {"id": "mixer-1", "name": "Dough mixer", "kind": "motor", "zone": "bakery", "risk": "high",
         "capabilities": {"running": {"type": "bool", "writable": True},
                          "speed": {"type": "int", "min": 10, "max": 90, "unit": "rpm", "writable": True}}}]}))
    assert aliases_path_for(fleet_file) == tmp_path / "plant-aliases.json"
    (tmp_path / "plant-aliases.json").write_text(json.dumps(
        {"devices": {"mixer-1": {"en": ["kneader"], "zh": ["和面机"]}}, "zones": {"bakery": {"zh": ["面包房"]}}}),
        encoding="utf-8")
    fleet = load_fleet(fleet_file)
    al = aliases_for_fleet(fleet_file)
    assert [(c.device_id, c.params) for c in parse("start the kneader", fleet, al).commands] == \
        [("mixer-1", {"running": True})]
    zh = parse("启动和面机", fleet, al)
    assert zh.commands[0].device_name == "和面机" and zh.commands[0].summary == "和面机：启动"
    assert parse("run the kneader at 5 rpm", fleet, al).refusal.kind == OUT_OF_RANGE
    # without the aliases the catalog's own names still work
    assert parse("start the dough mixer", fleet, None).commands[0].device_id == "mixer-1"


def test_bundled_aliases_match_the_demo_fleet():
    al = default_aliases()
    ids = {m.id for m in FLEET.devices}
    assert set(al.devices) == ids  # every device has names in both languages, none is stale
    assert all(names.get("en") and names.get("zh") for names in al.devices.values())
    assert set(al.zones) == {m.zone for m in FLEET.devices}
    assert set(al.kinds) == {m.kind for m in FLEET.devices}
    assert al.display_name(FLEET.by_id()["conveyor-a"], "zh") == "A线传送带"


def test_bad_aliases_file_names_the_file(tmp_path):
    bad = tmp_path / "x-aliases.json"
    bad.write_text('{"devices": {"a": {"en": "not a list"}}}')
    with pytest.raises(ProtocolError, match="x-aliases.json"):
        load_aliases(bad)
    bad.write_text("{nope")
    with pytest.raises(ProtocolError, match="not valid JSON"):
        load_aliases(bad)


def test_fleet_wide_asks_are_capped():
    big = FLEET.cloned(140)  # 30 lamps
    prop = IntentParser(big, default_aliases(), max_commands=20).parse("turn off all lights")
    assert prop.refusal is not None and prop.refusal.kind == TOO_MANY and "30" in prop.refusal.reason


# -- the model's tie-break ---------------------------------------------------------------------------


def test_ranker_breaks_ties_only_between_compatible_devices():
    seen: list[list[str]] = []

    def prefer_desk(utterance: str, cands: list[DeviceMeta]) -> list[float]:
        seen.append([m.id for m in cands])
        return [1.0 if "desk" in m.name.lower() else 0.0 for m in cands]

    parser = IntentParser(FLEET, default_aliases(), ranker=prefer_desk)
    prop = parser.parse("turn on the office lamp")
    assert [(c.device_id, c.params, c.picked_by_model) for c in prop.commands] == \
        [("lamp-office-2", {"power": True}, True)]
    assert seen == [["lamp-office-1", "lamp-office-2"]]
    # with a name or "both", the model is not asked
    parser.parse("turn on the desk lamp")
    parser.parse("turn on both office lamps")
    assert len(seen) == 1


def test_a_failing_or_undecided_ranker_means_asking_the_operator():
    def broken(utterance, cands):
        raise RuntimeError("model not loaded")

    def tie(utterance, cands):
        return [0.5 for _ in cands]

    for ranker in (broken, tie, lambda u, c: [float("nan")] * len(c), lambda u, c: [1.0]):
        prop = IntentParser(FLEET, default_aliases(), ranker=ranker).parse("turn on the office lamp")
        assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
