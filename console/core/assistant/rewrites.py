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
from console.core.assistant.goods_words import fault_report_rewrite, goods_words
from console.core.assistant.line_head_ellipsis import line_head_rewrite
from console.core.assistant.party_reasons import drop_party_reason
from console.core.assistant.nonnative_idioms import nonnative_rewrite
from console.core.assistant.compared_targets import compared_target
from console.core.assistant.mail_replies import approved_quote
from console.core.assistant.pasted_queue import queue_ask
from console.core.assistant.phrases import normalize
from console.core.assistant.place_parts import place_part_rewrite
from console.core.assistant.placed_nouns import placed_noun_rewrite
from console.core.assistant.proposal import NOTHING_ACTIONABLE, UNKNOWN_DEVICE
from console.core.assistant.quoted_reports import machine_report, quoted_ask
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
    own = approved_quote(utterance) if short else None
    if own is not None:  # "Re: …\n> set the AC to cool, 23 degrees\nagreed, do it" (mail_replies.py)
        return own
    own = queue_ask(asst, utterance, _point_back) if short else None
    if own is not None:  # "Teams 小李：…？\n上面那条照办", "ignore the first one, just the second:\n1) …" (pasted_queue.py)
        return own
    own = forwarded_ask(asst, utterance) if short else None
    if own is not None:  # "FW: …\n> …\nstop conveyor A"
        return own
    norm = normalize(utterance or "")
    quoted = quoted_ask(asst, norm) if short else None
    if quoted == "" and machine_report(norm):
        return ""  # "BMS alert: coolant flow 0 L/min" alone: a machine's reading, nothing asked (quoted_reports.py)
    quoted = quoted or sun_gone(norm)
    return quoted if quoted is not None and quoted != norm else None


def _normalised(fn: Callable[..., str | None], *, with_asst: bool = False, attr: str | None = None,
                keep: Callable[[Any, str, str], bool] | None = None) -> Callable[[Any, str], str | None]:
    """A table step made of ``fn``, each step's one shape: None for an ask longer than screening's ``MAX_CHARS``, else
    ``fn`` of the normalised ask, called ``fn(asst, norm)`` (``with_asst``), ``fn(norm, asst.<attr>)`` (``attr``: the
    assistant's own helper the step needs, looked up at each call) or ``fn(norm)``; words that ``keep(asst, norm,
    words)`` turns down are None too."""
    def step(asst: Any, utterance: str) -> str | None:
        if not _short(utterance):
            return None
        norm = normalize(utterance or "")
        if with_asst:
            words = fn(asst, norm)
        elif attr is not None:
            words = fn(norm, getattr(asst, attr))
        else:
            words = fn(norm)
        return words if words is None or keep is None or keep(asst, norm, words) else None
    step.__name__ = step.__qualname__ = f"_normalised({getattr(fn, '__name__', 'step')})"
    return step


def _names_a_device(asst: Any, norm: str, words: str) -> bool:
    # a device must be named: "chilly, set 24" stays where the catalog's feelings put it
    return any(mn.kind in ("device", "kind") for mn in read(words, asst.rules.vocab).mentions)


def _not_empty(asst: Any, norm: str, words: str) -> bool:
    return bool(words)  # "" is no rewrite where the step has no refusal to give (the party step)


def _changed(asst: Any, norm: str, words: str) -> bool:
    return words != norm  # the ask given back unchanged: the step does not apply


def no_other_of_kind(part_en: str, part_zh: str) -> tuple[str, str, str]:
    """The refusal of a list / elided part that names no other device of the kind: the whole ask, never half."""
    return (UNKNOWN_DEVICE,
            f"{part_en} names no other device of that kind in this fleet; nothing was proposed, so that no part is "
            "done without the rest: name the device.",
            f"{part_zh}没有指明这个设备群中同类的另一台设备；为免只做一部分，没有给出任何指令：请说出设备名称。")


OWN_WORDS = Rewrite("own_words", own_words, "adopted.py, forwarded.py, quoted_reports.py, sun_glare.py",
                    "\"FW: …\\n> …\\nstop conveyor A\", \"ALM 0412 line A fan overcurrent -> kill it\": the operator's "
                    "own words alone, never the quote's")
RESTART = Rewrite("restart", _normalised(restart_rewrite), "restart_reports.py",
                  "\"the pump stopped, get it going again\": the stop is a report, not the ask's way")
PARTY = Rewrite("party", _normalised(drop_party_reason, keep=_not_empty), "party_reasons.py",
                "\"kill the pump, maintenance wants to open it up\": what the crew will do is no command")
COMPARED = Rewrite("compared", _normalised(compared_target), "compared_targets.py",
                   "\"Can the office get warmer? set 28\": the comparative's target in the next clause (session 14, set 97)")
BARE_SET = Rewrite("bare_set", _normalised(bare_set_rewrite, keep=_names_a_device), "bare_set_numbers.py",
                   "\"pls on the AC, set 25\": \"set to 25\", only where a device or kind is named")
SPOT = Rewrite("spot", _normalised(spot_lamp_rewrite, with_asst=True), "spot_lamps.py",
               "倉庫射燈熄咗佢, \"warehouse spotlight off\": the place's one lamp, never the place's every device")
SPOT_LEFT = Rewrite("spot_left", _normalised(spot_lamp_unresolved, with_asst=True), "spot_lamps.py",
                    "\"office spotlight off\" with two lamps there: refused, never the office's every device",
                    refusal=(UNKNOWN_DEVICE, "No device of that place is called a spotlight in this fleet: name the "
                             "device.", "这个地方没有叫“射灯”的设备：请说出设备名称。"))
SPACED = Rewrite("spaced", _normalised(comma_for_spaces, attr="_unnamed", keep=_changed), "spaced_clauses_zh.py",
                 "仓库大灯关掉 门锁锁上: the spaces part clauses")
UNDO = Rewrite("undo", _normalised(undo_rewrite, attr="_names_place_or_device"), "undo_narrations.py",
               "\"I cut the steam earlier, fully open please\": what was done is no ask",
               refusal=(NOTHING_ACTIONABLE,
                        "That says what was already done, not what to do: say what should happen now (e.g. \"open "
                        "the steam valve\").",
                        "这说的是刚才做过什么，不是现在要做什么：请说现在要做什么（例如“把蒸汽阀打开”）。"))
RID = Rewrite("rid", _normalised(rid_rewrite, attr="_removed_things"), "rid_of_it.py",
              "\"smoke on line A, get rid of it\": \"it\" is the smoke")
CLEAR_ALARM = Rewrite("clear_alarm", _normalised(clear_alarm_rewrite, with_asst=True), "clear_alarm.py",
                      "\"the siren's going, clear it\": silence the siren, never the fan's \"clear\"")
PLACED = Rewrite("placed", _normalised(placed_noun_rewrite, with_asst=True), "placed_nouns.py",
                 "\"the lamp on my desk\": the desk lamp, the name it stands for")
TELEGRAPHIC = Rewrite("telegraphic", _normalised(telegraphic_rewrite, with_asst=True), "telegraphic.py",
                      "\"warehouse lights out\", \"the glare blocked\", \"in everyone's eyes\": a kind's down phrase, "
                      "said without its verb")
ANNOYED = Rewrite("annoyed", _normalised(annoyance_rewrite), "annoyance.py",
                  "\"the hissing on line B is driving me mad, close it off\": how the speaker feels is no value")
DESIGNATORS = Rewrite("designators", _normalised(designator_list_rewrite, with_asst=True), "designator_lists.py",
                      "传送带A和B: 传送带A和传送带B; \"conveyor a and c\" without a c refused whole",
                      refusal=no_other_of_kind("The second name", "第二个编号"))
ELIDED = Rewrite("elided", _normalised(elided_noun_rewrite, with_asst=True), "ellipsis_parts.py",
                 "\"stop conveyor a. and b too\": \"and conveyor b too\"; without a b refused whole",
                 refusal=no_other_of_kind("The last part", "最后一部分"))
REASON = Rewrite("reason", _normalised(reason_rewrite), "complaint_reasons.py",
                 "\"…, a full house\", \"the heating's too much\": a reason, no value or mode")
EITHER_WAY = Rewrite("either_way", _normalised(either_way_rewrite), "either_way_values.py",
                     "调到六十不是五十 with no pause: \"sixty, not fifty\" or \"sixty, no, fifty\": refused, never a guess",
                     refusal=EITHER_WAY_REFUSAL)
LINE_HEAD = Rewrite("line_head", _normalised(line_head_rewrite), "line_head_ellipsis.py",
                    "\"production line one stop and line two start\": line two's production, never its whole zone")
PLACE_PART = Rewrite("place_part", _normalised(place_part_rewrite, with_asst=True), "place_parts.py",
                     "\"boxes piling up at the end of line A, pause it\": the end of line A is line A")
GLARE = Rewrite("glare", _normalised(glare_rewrite), "sun_glare.py",
                "阳光照进来太晃眼了: the sun coming in is the glare's, never \"let it in\"")
RUNNING = Rewrite("running", _normalised(running_state_rewrite, with_asst=True), "running_states.py",
                  "\"get the cooling water circulating again, B is running hot\": how a machine runs, no start and no "
                  "room's feeling (session 13, set 91)",
                  refusal=(NOTHING_ACTIONABLE, RUNNING_REFUSAL_EN, RUNNING_REFUSAL_ZH))
NOTES = Rewrite("notes", _normalised(note_rewrite, with_asst=True), "trailing_notes.py",
                "\"both conveyors stop. end of run\", \"…, guard door open\", \"— evac drill signed off\", 误报: a log "
                "note beside a complete ask says why (session 13, set 91)")
MODE_AFTER = Rewrite("mode_after", _normalised(mode_value_rewrite), "mode_value_after.py",
                     "\"ok, AC mode fan\": the AC's fan mode, never the exhaust fan (session 13, set 91)")
BRIGHTEN = Rewrite("brighten", _normalised(brighten_rewrite), "brighten_values.py",
                   "\"brighten up the office, all lights to 70\": the level alone, like \"brighten\" (session 13, set 91)")

STUCK = Rewrite("stuck", _normalised(stuck_amount_rewrite), "stuck_amounts.py",
                "\"office blinds stuck half way. Please open the office blinds fully.\": where a device is stuck is no "
                "value (session 13, set 93)")

GOODS = Rewrite("goods", _normalised(goods_words, with_asst=True), "goods_words.py",
                "B線出貨開到最快, line A啲貨停一停先: goods at a line are its one conveyor, never its every device; "
                "倉入面黑麻麻: a lone 仓 is the warehouse (session 13, set 94)",
                refusal=(UNKNOWN_DEVICE, "No one device moves goods there (or no place of that name) in this fleet: "
                         "name the device.", "那里没有唯一一台运货的设备（或没有这个地方）：请说出设备名称。"))
FAULT_NOTE = Rewrite("fault_note", _normalised(fault_report_rewrite, with_asst=True), "goods_words.py",
                     "\"stop the pump, fan fault\": a device's fault beside the ask is a report, never a command for "
                     "it (session 13, set 94)")

ASIDE = Rewrite("aside", _normalised(aside_rewrite), "aside_clauses.py",
                "锁门走人前先关灯, \"nobody gets in tonight, secure the site\", \"something in the yard\": the speaker's "
                "leaving, a lock's purpose, an indefinite thing at a place are no part of the ask")

NONNATIVE = Rewrite("nonnative", _normalised(nonnative_rewrite), "nonnative_idioms.py",
                    "\"make the floodlight out\", \"put off the fan\", \"speed on 100\", \"45 rpm, not more faster\": "
                    "second-language idioms said plainly, off never on")

# understand: the first that applies is read again, whole
ASK_REWRITES: tuple[Rewrite, ...] = (OWN_WORDS, NONNATIVE, NOTES, MODE_AFTER, BRIGHTEN, RESTART, PARTY, COMPARED, BARE_SET, SPOT,
                                      ASIDE)
# _understand_said: the same, after the ask-level ones; "" of a step with a refusal refuses
SAID_REWRITES: tuple[Rewrite, ...] = (RUNNING, STUCK, GOODS, FAULT_NOTE, SPOT_LEFT, EITHER_WAY, LINE_HEAD, PLACE_PART, SPACED, UNDO, RID, CLEAR_ALARM, PLACED, TELEGRAPHIC, ANNOYED,
                                        DESIGNATORS, ELIDED, REASON, GLARE)
# direction_problem: after OWN_WORDS and its own steps, each in turn on the last one's words, then GLARE
DIRECTION_CHAIN: tuple[Rewrite, ...] = (UNDO, RESTART, PARTY, NONNATIVE)


def chained(asst: Any, utterance: str, steps: tuple[Rewrite, ...] = DIRECTION_CHAIN) -> str:
    """``utterance`` through ``steps`` in turn, each on the last one's words (a step giving None or "" keeps them)."""
    for step in steps:
        utterance = step.words(asst, utterance) or utterance
    return utterance
