"""The ordered rewrites an ask is read through before it is read as said (session 12 refactor of layers.py).

Each rewrite turns the ask into other words (the operator's own words of a forwarded message, a report dropped, a
reason dropped, …) or says it does not apply (None).  ``Assistant.understand`` tries ``ASK_REWRITES`` in order and
reads the first rewrite that applies again, whole (``understand(words)``, every rewrite and screen again), labelled
with the ask as said; ``Assistant._understand_said`` does the same with ``SAID_REWRITES``, where an empty rewrite of a
step with a ``refusal`` refuses the ask (nothing was proposed, so no part is done without the rest).

``Assistant.direction_problem`` must judge the same words understand read: it re-checks the words of
``own_words`` (the first step of both), then, after its own direction-only steps (bounded negations, corrections,
checklists), runs ``DIRECTION_CHAIN`` (undo, restart, party) one after the other and then the glare step.

Order matters: the first step that applies wins, and its words are read again from the top, so an earlier step sees
the ask before a later one could change it.  The operator's own words come first (a forwarded / quoted message's
quote must never be read as the ask, by any later step); a report of a stop ("the pump stopped, start it again")
is dropped before a party's reason, and before a bare "set 25" is read, so neither reads the report's verb; the
said-level steps (spaced clauses, narrations, "get rid of it", an alarm's "clear it", "the lamp on my desk",
telegraphic clauses, annoyance predicates, designator lists, elided nouns, complaint reasons, glare) come after all of these and before the session-10 rewrites of ``_understand_said``.  direction_problem's
chain drops the narration (undo) before the restart report, as it always has: the order there is its own and is
pinned by tests/core/assistant/test_session12_rewrites.py, like the tables'.

Pure functions of the assistant and the text; no threads, no locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from console.core.assistant.adopted import adopted_words, adoption_only
from console.core.assistant.annoyance import annoyance_rewrite
from console.core.assistant.aside_clauses import aside_rewrite
from console.core.assistant.bare_set_numbers import bare_set_rewrite
from console.core.assistant.clear_alarm import clear_alarm_rewrite
from console.core.assistant.complaint_reasons import reason_rewrite
from console.core.assistant.designator_lists import designator_list_rewrite
from console.core.assistant.either_way_values import REFUSAL as EITHER_WAY_REFUSAL
from console.core.assistant.either_way_values import either_way_rewrite
from console.core.assistant.ellipsis_parts import elided_noun_rewrite
from console.core.assistant.forwarded import _point_back, forwarded_ask
from console.core.assistant.line_head_ellipsis import line_head_rewrite
from console.core.assistant.party_reasons import drop_party_reason
from console.core.assistant.nonnative_idioms import nonnative_rewrite
from console.core.assistant.pasted_queue import queue_ask
from console.core.assistant.phrases import normalize
from console.core.assistant.place_parts import place_part_rewrite
from console.core.assistant.placed_nouns import placed_noun_rewrite
from console.core.assistant.proposal import NOTHING_ACTIONABLE, UNKNOWN_DEVICE
from console.core.assistant.quoted_reports import quoted_ask
from console.core.assistant.reader import read
from console.core.assistant.restart_reports import restart_rewrite
from console.core.assistant.rid_of_it import rid_rewrite
from console.core.assistant.running_states import REFUSAL_EN as RUNNING_REFUSAL_EN
from console.core.assistant.running_states import REFUSAL_ZH as RUNNING_REFUSAL_ZH
from console.core.assistant.running_states import running_state_rewrite
from console.core.assistant.screening import MAX_CHARS
from console.core.assistant.sender_quotes_en import sender_quote_ask
from console.core.assistant.spaced_clauses_zh import comma_for_spaces
from console.core.assistant.spot_lamps import spot_lamp_rewrite, spot_lamp_unresolved
from console.core.assistant.stuck_amounts import stuck_amount_rewrite
from console.core.assistant.sun_glare import glare_rewrite, sun_gone
from console.core.assistant.telegraphic import telegraphic_rewrite
from console.core.assistant.trailing_notes import note_rewrite
from console.core.assistant.mode_value_after import mode_value_rewrite
from console.core.assistant.brighten_values import brighten_rewrite
from console.core.assistant.undo_narrations import undo_rewrite


@dataclass(frozen=True)
class Rewrite:
    """One step: ``words(assistant, utterance)`` gives the new words or None where the step does not apply;
    ``refusal`` (kind, English, Chinese) is the answer where the step gives "" (None: "" is read like any words)."""

    name: str
    words: Callable[[Any, str], str | None]
    module: str
    why: str
    refusal: tuple[str, str, str] | None = None


def _short(utterance: str) -> bool:
    return len(utterance or "") <= MAX_CHARS


def own_words(asst: Any, utterance: str) -> str | None:
    """The operator's own words of a pasted or quoted message, in one structural pass: the forwarded structure first
    (forwarded.py: the words as found, even where they equal the ask), else the quoted report (quoted_reports.py),
    else a "sun's gone" remark (sun_glare.py) — those two only where they change the normalised ask (a quoted report
    that gives the ask back unchanged stops the pass, as it always has).  Before all of these, someone else's words
    adopted as the ask ('fwd: "…". do what he says', 'from Lee: "…"', 张工转来：“…”。你弄一下: adopted.py): the adopted
    words, read again from the top.  None where none applies."""
    short = _short(utterance)
    adopted = adopted_words(asst, utterance) if short else None
    if adopted is not None:  # "manager just said '…'. do what he says": his words are the ask (adopted.py)
        return adopted
    own = sender_quote_ask(asst, utterance, adoption_only=adoption_only, forwarded_ask=forwarded_ask) if short else None
    if own is not None:  # "night guard: '…' → secure the building" (sender_quotes_en.py)
        return own
    own = queue_ask(asst, utterance, _point_back) if short else None
    if own is not None:  # "Teams 小李：…？\n上面那条照办", "ignore the first one, just the second:\n1) …" (pasted_queue.py)
        return own
    own = forwarded_ask(asst, utterance) if short else None
    if own is not None:  # "FW: …\n> …\nstop conveyor A"
        return own
    norm = normalize(utterance or "")
    quoted = (quoted_ask(asst, norm) if short else None) or sun_gone(norm)
    return quoted if quoted is not None and quoted != norm else None


def _restart(asst: Any, utterance: str) -> str | None:
    return restart_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _party(asst: Any, utterance: str) -> str | None:
    return (drop_party_reason(normalize(utterance or "")) if _short(utterance) else None) or None


def _bare_set(asst: Any, utterance: str) -> str | None:
    bare = bare_set_rewrite(normalize(utterance or "")) if _short(utterance) else None
    # a device must be named: "chilly, set 24" stays where the catalog's feelings put it
    if bare is not None and any(mn.kind in ("device", "kind") for mn in read(bare, asst.rules.vocab).mentions):
        return bare
    return None


def _spot(asst: Any, utterance: str) -> str | None:
    return spot_lamp_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _spot_left(asst: Any, utterance: str) -> str | None:
    return spot_lamp_unresolved(asst, normalize(utterance or "")) if _short(utterance) else None


def _nonnative(asst: Any, utterance: str) -> str | None:
    return nonnative_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _aside(asst: Any, utterance: str) -> str | None:
    return aside_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _spaced(asst: Any, utterance: str) -> str | None:
    spaced = comma_for_spaces(normalize(utterance or ""), asst._unnamed) if _short(utterance) else None
    return spaced if spaced is not None and spaced != normalize(utterance or "") else None


def _undo(asst: Any, utterance: str) -> str | None:
    return undo_rewrite(normalize(utterance or ""), asst._names_place_or_device) if _short(utterance) else None


def _rid(asst: Any, utterance: str) -> str | None:
    return rid_rewrite(normalize(utterance or ""), asst._removed_things) if _short(utterance) else None


def _clear_alarm(asst: Any, utterance: str) -> str | None:
    return clear_alarm_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _placed(asst: Any, utterance: str) -> str | None:
    return placed_noun_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _telegraphic(asst: Any, utterance: str) -> str | None:
    return telegraphic_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _annoyed(asst: Any, utterance: str) -> str | None:
    return annoyance_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _designators(asst: Any, utterance: str) -> str | None:
    return designator_list_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _elided(asst: Any, utterance: str) -> str | None:
    return elided_noun_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _reason(asst: Any, utterance: str) -> str | None:
    return reason_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _either_way(asst: Any, utterance: str) -> str | None:
    return either_way_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _line_head(asst: Any, utterance: str) -> str | None:
    return line_head_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _place_part(asst: Any, utterance: str) -> str | None:
    return place_part_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _running(asst: Any, utterance: str) -> str | None:
    return running_state_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _notes(asst: Any, utterance: str) -> str | None:
    return note_rewrite(asst, normalize(utterance or "")) if _short(utterance) else None


def _mode_after(asst: Any, utterance: str) -> str | None:
    return mode_value_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _brighten(asst: Any, utterance: str) -> str | None:
    return brighten_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _stuck(asst: Any, utterance: str) -> str | None:
    return stuck_amount_rewrite(normalize(utterance or "")) if _short(utterance) else None


def _glare(asst: Any, utterance: str) -> str | None:
    return glare_rewrite(normalize(utterance or "")) if _short(utterance) else None


def no_other_of_kind(part_en: str, part_zh: str) -> tuple[str, str, str]:
    """The refusal of a list / elided part that names no other device of the kind: the whole ask, never half."""
    return (UNKNOWN_DEVICE,
            f"{part_en} names no other device of that kind in this fleet; nothing was proposed, so that no part is "
            "done without the rest: name the device.",
            f"{part_zh}没有指明这个设备群中同类的另一台设备；为免只做一部分，没有给出任何指令：请说出设备名称。")


OWN_WORDS = Rewrite("own_words", own_words, "adopted.py, forwarded.py, quoted_reports.py, sun_glare.py",
                    "\"FW: …\\n> …\\nstop conveyor A\", \"ALM 0412 line A fan overcurrent -> kill it\": the operator's "
                    "own words alone, never the quote's")
RESTART = Rewrite("restart", _restart, "restart_reports.py",
                  "\"the pump stopped, get it going again\": the stop is a report, not the ask's way")
PARTY = Rewrite("party", _party, "party_reasons.py",
                "\"kill the pump, maintenance wants to open it up\": what the crew will do is no command")
BARE_SET = Rewrite("bare_set", _bare_set, "bare_set_numbers.py",
                   "\"pls on the AC, set 25\": \"set to 25\", only where a device or kind is named")
SPOT = Rewrite("spot", _spot, "spot_lamps.py",
               "倉庫射燈熄咗佢, \"warehouse spotlight off\": the place's one lamp, never the place's every device")
SPOT_LEFT = Rewrite("spot_left", _spot_left, "spot_lamps.py",
                    "\"office spotlight off\" with two lamps there: refused, never the office's every device",
                    refusal=(UNKNOWN_DEVICE, "No device of that place is called a spotlight in this fleet: name the "
                             "device.", "这个地方没有叫“射灯”的设备：请说出设备名称。"))
SPACED = Rewrite("spaced", _spaced, "spaced_clauses_zh.py", "仓库大灯关掉 门锁锁上: the spaces part clauses")
UNDO = Rewrite("undo", _undo, "undo_narrations.py",
               "\"I cut the steam earlier, fully open please\": what was done is no ask",
               refusal=(NOTHING_ACTIONABLE,
                        "That says what was already done, not what to do: say what should happen now (e.g. \"open "
                        "the steam valve\").",
                        "这说的是刚才做过什么，不是现在要做什么：请说现在要做什么（例如“把蒸汽阀打开”）。"))
RID = Rewrite("rid", _rid, "rid_of_it.py", "\"smoke on line A, get rid of it\": \"it\" is the smoke")
CLEAR_ALARM = Rewrite("clear_alarm", _clear_alarm, "clear_alarm.py",
                      "\"the siren's going, clear it\": silence the siren, never the fan's \"clear\"")
PLACED = Rewrite("placed", _placed, "placed_nouns.py", "\"the lamp on my desk\": the desk lamp, the name it stands for")
TELEGRAPHIC = Rewrite("telegraphic", _telegraphic, "telegraphic.py",
                      "\"warehouse lights out\", \"the glare blocked\", \"in everyone's eyes\": a kind's down phrase, "
                      "said without its verb")
ANNOYED = Rewrite("annoyed", _annoyed, "annoyance.py",
                  "\"the hissing on line B is driving me mad, close it off\": how the speaker feels is no value")
DESIGNATORS = Rewrite("designators", _designators, "designator_lists.py",
                      "传送带A和B: 传送带A和传送带B; \"conveyor a and c\" without a c refused whole",
                      refusal=no_other_of_kind("The second name", "第二个编号"))
ELIDED = Rewrite("elided", _elided, "ellipsis_parts.py",
                 "\"stop conveyor a. and b too\": \"and conveyor b too\"; without a b refused whole",
                 refusal=no_other_of_kind("The last part", "最后一部分"))
REASON = Rewrite("reason", _reason, "complaint_reasons.py",
                 "\"…, a full house\", \"the heating's too much\": a reason, no value or mode")
EITHER_WAY = Rewrite("either_way", _either_way, "either_way_values.py",
                     "调到六十不是五十 with no pause: \"sixty, not fifty\" or \"sixty, no, fifty\": refused, never a guess",
                     refusal=EITHER_WAY_REFUSAL)
LINE_HEAD = Rewrite("line_head", _line_head, "line_head_ellipsis.py",
                    "\"production line one stop and line two start\": line two's production, never its whole zone")
PLACE_PART = Rewrite("place_part", _place_part, "place_parts.py",
                     "\"boxes piling up at the end of line A, pause it\": the end of line A is line A")
GLARE = Rewrite("glare", _glare, "sun_glare.py",
                "阳光照进来太晃眼了: the sun coming in is the glare's, never \"let it in\"")
RUNNING = Rewrite("running", _running, "running_states.py",
                  "\"get the cooling water circulating again, B is running hot\": how a machine runs, no start and no "
                  "room's feeling (session 13, set 91)",
                  refusal=(NOTHING_ACTIONABLE, RUNNING_REFUSAL_EN, RUNNING_REFUSAL_ZH))
NOTES = Rewrite("notes", _notes, "trailing_notes.py",
                "\"both conveyors stop. end of run\", \"…, guard door open\", \"— evac drill signed off\", 误报: a log "
                "note beside a complete ask says why (session 13, set 91)")
MODE_AFTER = Rewrite("mode_after", _mode_after, "mode_value_after.py",
                     "\"ok, AC mode fan\": the AC's fan mode, never the exhaust fan (session 13, set 91)")
BRIGHTEN = Rewrite("brighten", _brighten, "brighten_values.py",
                   "\"brighten up the office, all lights to 70\": the level alone, like \"brighten\" (session 13, set 91)")

STUCK = Rewrite("stuck", _stuck, "stuck_amounts.py",
                "\"office blinds stuck half way. Please open the office blinds fully.\": where a device is stuck is no "
                "value (session 13, set 93)")

ASIDE = Rewrite("aside", _aside, "aside_clauses.py",
                "锁门走人前先关灯, \"nobody gets in tonight, secure the site\", \"something in the yard\": the speaker's "
                "leaving, a lock's purpose, an indefinite thing at a place are no part of the ask")

NONNATIVE = Rewrite("nonnative", _nonnative, "nonnative_idioms.py",
                    "\"make the floodlight out\", \"put off the fan\", \"speed on 100\", \"45 rpm, not more faster\": "
                    "second-language idioms said plainly, off never on")

# understand: the first that applies is read again, whole
ASK_REWRITES: tuple[Rewrite, ...] = (OWN_WORDS, NONNATIVE, NOTES, MODE_AFTER, BRIGHTEN, RESTART, PARTY, BARE_SET, SPOT, ASIDE)
# _understand_said: the same, after the ask-level ones; "" of a step with a refusal refuses
SAID_REWRITES: tuple[Rewrite, ...] = (RUNNING, STUCK, SPOT_LEFT, EITHER_WAY, LINE_HEAD, PLACE_PART, SPACED, UNDO, RID, CLEAR_ALARM, PLACED, TELEGRAPHIC, ANNOYED,
                                        DESIGNATORS, ELIDED, REASON, GLARE)
# direction_problem: after OWN_WORDS and its own steps, each in turn on the last one's words, then GLARE
DIRECTION_CHAIN: tuple[Rewrite, ...] = (UNDO, RESTART, PARTY, NONNATIVE)


def chained(asst: Any, utterance: str, steps: tuple[Rewrite, ...] = DIRECTION_CHAIN) -> str:
    """``utterance`` through ``steps`` in turn, each on the last one's words (a step giving None or "" keeps them)."""
    for step in steps:
        utterance = step.words(asst, utterance) or utterance
    return utterance
