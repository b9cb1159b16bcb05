"""Session 13 (issue 17, fixer E2): three harmful readings found by blind set 93.

H1 (wrong direction): "Line B stopped moving product, get it moving again" stopped the conveyor: the report's "stopped"
gave the way the command's "get it moving" did not (restart_reports.py, direction_check.py, direction.py, lexicon.py).
H2 (wrong value): "office blinds stuck half way. Please open the office blinds fully." set 50: the report's amount
(stuck_amounts.py).
H3 (wrong value with the model): "阳光太刺眼了，办公室遮一半" gave 0 when the model picked a lamp for the second clause:
the first clause's implied value replaced the whole reading's explicit one (guessed_clashes.py).

Each class: the harmful ask, its neighbours in English and Chinese, each pinned exact or refused, never the harm.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.guessed_clashes import guessed_clash
from console.core.assistant.layers import Assistant
from console.core.assistant.proposal import Proposal, ProposedCommand
from console.core.assistant.restart_reports import report_event, restart_rewrite
from console.core.assistant.stuck_amounts import stuck_amount_rewrite
from console.core.assistant.phrases import normalize
from tests.core.assistant.helpers import ASSISTANT, FLEET, understood

CB, CA, PUMP, BLINDS, VALVE = "conveyor-b", "conveyor-a", "pump-cooling", "blinds-office", "valve-steam"


# -- H1: a report of a stop never gives the command's way ---------------------------------------------------------

STARTS_CB = [
    "Line B stopped moving product, get it moving again (ticket PRD-552)",
    "Line B stopped moving product, get it moving again",
    "line B stopped, get it going again",
    "line b stopped, start it again",
    "line b has stopped producing, get it going again",
    "conveyor b stopped moving, get it moving again",
    "get conveyor b moving",
    "B线停了，让它重新转起来",
    "二号线停下来了，让它重新转起来",
    "二号线停了，让它动起来",
]
# a named conveyor with the motor kind's own 动起来: "which conveyor?" (a pre-existing tie), or B started; never a stop
START_OR_REFUSED = [
    "B线传送带停了，让它动起来",
    "B线传送带卡住了，让它动起来",
    "让B线传送带动起来",
]


@pytest.mark.parametrize("text", STARTS_CB)
def test_restart_of_a_stopped_line_starts_its_conveyor(text: str) -> None:
    assert understood(text) == {CB: {"running": True}}


@pytest.mark.parametrize("text", START_OR_REFUSED)
def test_named_conveyor_started_or_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    got = {c.device_id: dict(c.params) for c in prop.commands}
    assert (prop.refusal is not None and not got) or got == {CB: {"running": True}}, (text, got)


KEEP = [  # neighbours that keep their old meaning
    ("the gurgling thing on line B stopped, get it going again", {PUMP: {"running": True}}),
    ("gurgling stopped on line B, get it going again", {PUMP: {"running": True}}),
    ("phone says cooling pump tripped, start it again pls", {PUMP: {"running": True}}),
    ("一号线产品不动了，让它动起来", {CA: {"running": True}}),
    ("get product moving on line b", {CB: {"running": True}}),
    ("line b is moving too fast, drop it to 40", {CB: {"speed": 40.0}}),
    ("二号线的输送停了，蒸汽也关掉", {CB: {"running": False}, VALVE: {"open": 0.0}}),
    ("A线传送带停了，排风扇也关了", {CA: {"running": False}, "fan-line-a": {"power": False}}),
]


@pytest.mark.parametrize("text,want", KEEP)
def test_neighbours_keep_their_meaning(text: str, want: dict) -> None:
    assert understood(text) == want


NEVER_STOP = STARTS_CB + START_OR_REFUSED + [
    "line b stopped moving product, sort it out",
    "conveyor b tripped, deal with it",
    "B线传送带卡住了，处理一下它",
    "line b went down, get it running",
]


def _one(text: str, dev: str, params: dict) -> Proposal:
    return Proposal(utterance=text, lang="zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en",
                    commands=(ProposedCommand(dev, dev, params, True, ""),))


@pytest.mark.parametrize("text", NEVER_STOP)
def test_gate_refuses_a_stop_where_the_report_alone_says_stop(text: str) -> None:
    # whatever path proposed it, the gate never lets the report's "stopped" be the command's way
    assert ASSISTANT.direction_problem(text, _one(text, CB, {"running": False})) is not None
    assert ASSISTANT.direction_problem(text, _one(text, CB, {"running": True})) is None
    prop = ASSISTANT.understand(text)
    assert not any(c.params.get("running") is False for c in prop.commands), (text, prop.commands)


@pytest.mark.parametrize("text", ["line b stopped moving product, get it moving", "b线停了，让它重新转起来"])
def test_check_proposal_masks_the_report_itself(text: str) -> None:
    # check_proposal alone (no restart rewrite before it): the report's event verb is blanked
    masked, way = report_event(text)
    assert way == "down" and "stopped" not in masked and "停了" not in masked
    why = check_proposal(text, _one(text, CB, {"running": False}), FLEET.by_id(), refers=ASSISTANT._refers,
                         ways=ASSISTANT._checked_ways)
    assert why is not None


@pytest.mark.parametrize("text", [
    "conveyor a stopped, stop conveyor b too",  # the command names its own device: no report masked
    "if line b stopped, get it moving",  # a condition: never
    "a线停了，b线再开",  # B's own command: A's 停了 is asked for (a run-on list)
])
def test_report_event_only_beside_a_pointing_back_command(text: str) -> None:
    found = report_event(text)
    if found is not None:  # a named other device: the gate's _reported_event declines it
        assert ASSISTANT._refers(text.split("，")[-1]) - ASSISTANT._refers(text.split("，")[0])
    else:
        assert found is None


def test_zone_subject_reads_as_its_production() -> None:
    assert restart_rewrite("line b stopped, get it going") == "production on line b, get it going"
    assert restart_rewrite("line b stopped moving product, get it moving") == "product on line b, get it moving"
    assert restart_rewrite("b线停了，让它重新转起来") == "b线生产，让它重新转起来"
    assert restart_rewrite("the pump stopped, get it going") == "the pump, get it going"


def test_a_line_stop_never_the_pump_alone() -> None:
    for text in ("line B stopped, get it going again", "the line stopped, get it going again"):
        prop = ASSISTANT.understand(text)
        assert {c.device_id for c in prop.commands} != {PUMP}, text
        assert not any(c.params.get("running") is False for c in prop.commands)


# -- H2: where a device is stuck is no value ----------------------------------------------------------------------

STUCK = [
    ("Ticket #5530 - office blinds stuck half way. Please open the office blinds fully.", {BLINDS: {"position": 100.0}}),
    ("office blinds stuck half way. Please open the office blinds fully.", {BLINDS: {"position": 100.0}}),
    ("office blinds stuck half way, open them fully", {BLINDS: {"position": 100.0}}),
    ("the blinds are stuck at 30%, open them fully", {BLINDS: {"position": 100.0}}),
    ("open the office blinds fully, they're stuck half way", {BLINDS: {"position": 100.0}}),
    ("office blinds stuck half way. open the office blinds", {BLINDS: {"position": 100.0}}),
    ("the valve is stuck at 20%, close it fully", {VALVE: {"open": 0.0}}),
    ("the steam valve is stuck at 20%, open it to 60%", {VALVE: {"open": 60.0}}),
    ("办公室窗帘卡在一半了，请完全打开", {BLINDS: {"position": 100.0}}),
    ("窗帘只开了一半，全部拉开", {BLINDS: {"position": 100.0}}),
    # neighbours: an amount the ask asks for stays
    ("blinds half open please", {BLINDS: {"position": 50.0}}),
    ("Please open the office blinds fully.", {BLINDS: {"position": 100.0}}),
]


@pytest.mark.parametrize("text,want", STUCK)
def test_stuck_amount_is_no_value(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "the blinds open half way, the lamp off",  # a command, no copula: never dropped
    "if the blinds are stuck half way, open them fully",  # a condition
    "office blinds half way",
    "窗帘开到一半",
])
def test_stuck_rewrite_leaves_commands(text: str) -> None:
    assert stuck_amount_rewrite(normalize(text)) is None


# -- H3: the model's pick never changes a value the rules read -----------------------------------------------------

def _first(_u, options):  # a real deterministic policy: always the first candidate
    return 0


def _last(_u, options):  # always the last candidate
    return len(options) - 1


def _second(_u, options):
    return 1 if len(options) > 1 else 0


GLARE = [
    ("阳光太刺眼了，办公室遮一半", {BLINDS: {"position": 50}}),
    ("太晒了，办公室遮一半", {BLINDS: {"position": 50}}),
    ("太阳太晒了，办公室挡一半", {BLINDS: {"position": 50}}),
    ("too much sun, block the office half way", {BLINDS: {"position": 50}}),
]


@pytest.mark.parametrize("policy", [None, _first, _second, _last])
@pytest.mark.parametrize("text,want", GLARE)
def test_no_pick_changes_the_value(policy, text: str, want: dict) -> None:
    asst = Assistant(FLEET, default_aliases(), chooser=policy)
    prop = asst.understand(text)
    got = {c.device_id: dict(c.params) for c in prop.commands}
    assert prop.refusal is not None and not prop.commands or got == want, (text, got)
    assert got.get(BLINDS, {}).get("position") != 0  # never the complaint's implied value over the asked half


def test_guessed_clash_needs_a_model_pick() -> None:
    clauses = [("阳光太刺眼了", ASSISTANT._understand_one("阳光太刺眼了")),
               ("办公室遮一半", ASSISTANT._understand_one("办公室遮一半"))]
    # no model: nothing was guessed, so nothing clashes here (the clause is refused "which one?" instead)
    assert not guessed_clash(clauses, lambda c: ASSISTANT._semantic(c), lambda a, b: a == b)
    picked = Assistant(FLEET, default_aliases(), chooser=_first)
    clauses = [(c, picked._understand_one(c)) for c, _ in clauses]
    assert any(c.picked_by_model for c in clauses[1][1].commands)
    assert guessed_clash(clauses, lambda c: picked._semantic(c), lambda a, b: a == b)
