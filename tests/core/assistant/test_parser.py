"""The assistant's parser as a whole: the evaluation sets, commands valid by construction on random
input, clauses read apart, both languages (parser.py).  The parts have their own test modules."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.parser import IntentParser, parse
from console.core.assistant.proposal import AMBIGUOUS, OUT_OF_RANGE, TOO_MANY
from tests.core.assistant.helpers import FLEET, PARSER, cmds, rows

# measured with `python bench/intents.py`: 98.8 % exact on the development set (81/82; the miss is the
# paraphrase "keep the sun out of the office", which needs a model); the two sets written after the
# parser scored 92.7 % and 92.9 % on their first runs and 100 % after generic fixes.  The thresholds
# leave room for a regression or two to be looked at, not for the parser to get worse silently.
DEV_EXACT_MIN = 0.95
HOLDOUT_EXACT_MIN = 0.90


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
    log = logging.getLogger("console.core.assistant")  # the package: its modules log under it
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


# -- conventions across the steps -------------------------------------------------------------------


def test_on_as_a_preposition_is_not_an_action():
    prop = PARSER.parse("switch off the office light on the ceiling")
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS  # a tie, not "on and off"
    assert cmds("stop everything on line A") == [("fan-line-a", {"power": False}), ("conveyor-a", {"running": False})]
    assert cmds("siren on, steady tone") == [("siren-yard", {"active": True, "pattern": "steady"})]


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


def test_more_chinese_forms():
    assert cmds("锁门") == [("lock-main-door", {"locked": True})]
    assert cmds("把台灯调到一百") == [("lamp-office-2", {"level": 100})]
    assert cmds("把蒸汽阀开到四分之一") == [("valve-steam", {"open": 25})]


def test_unknown_adjectives_are_not_nouns_when_known_harmless():
    # "please", "could you", "right away": unknown-but-harmless words never cause a refusal
    assert cmds("could you please stop conveyor A right away") == [("conveyor-a", {"running": False})]


# -- Chinese ----------------------------------------------------------------------------------------


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


# -- fleets -----------------------------------------------------------------------------------------


def test_parse_takes_a_list_of_metas_like_the_registry_gives():
    metas = [FLEET.by_id()[i] for i in ("conveyor-a", "conveyor-b")]
    prop = parse("stop both conveyors", metas)
    assert [c.device_id for c in prop.commands] == ["conveyor-a", "conveyor-b"]
    # devices not in the list do not exist for the parser
    assert parse("turn on the desk lamp", metas).refusal is not None


def test_fleet_wide_asks_are_capped():
    big = FLEET.cloned(140)  # 30 lamps
    prop = IntentParser(big, default_aliases(), max_commands=20).parse("turn off all lights")
    assert prop.refusal is not None and prop.refusal.kind == TOO_MANY and "30" in prop.refusal.reason
