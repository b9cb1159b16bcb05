"""The assistant in three layers, each measured on its own (bench/intents.py):

1. **rules** — ``IntentParser.parse``: names, values and verbs read by rules, valid by construction.
2. **semantics** — when the rules find nothing, no device or several: the same rules on a rewritten
   text — typos fixed (typos.py), ordinal names resolved (ordinals.py), "everything" read as every
   device, and what kinds do in the world (semantics.py: "let the sunlight in" → open the blinds,
   "cut the coolant" → stop the pump) turned into the words the rules know.
3. **model** — when 1 and 2 leave several legal readings, the loaded engine picks one of them
   (model_choice.py: likelihood scoring of the enumerated candidates); those rows are marked.

Whatever layer proposes, the result passes the same gates: only the devices the assistant may see
exist for it (``exposed``), every command went through ``DeviceMeta.validate_params``, the direction
check (direction.py) refuses a command that goes against the words ("no more steam" is "down"), a
bound ("no more than 20 %", 不超过) is refused as no setting, and negations, conditions,
questions and relative asks without a target are refused by the rules and never retried by a
later layer.  High risk stays high risk: the preview confirms it once more.  An ask that names no
device but names what it is about (fumes, steam) only ever targets a device of a kind that does that
thing, in the place named: the rules' "whatever is in that zone" reading is set aside, and a place
without such a device ("line 2" with no fan) or that the fleet does not have ("upstairs") is refused.
Scope: a place named anywhere in the ask bounds a clause that names no place, device or kind ("Line one,
stop everything"); the scope gate refuses a proposal with a device outside the places named that no
clause names itself.

Pure and Qt-free; ``Assistant.understand`` is thread-safe after construction (the chooser, a model,
is called on the caller's thread: the panel calls it on its own worker thread).
"""

from __future__ import annotations

import copy
import functools
import logging
import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from console.core.assistant.adopted_aliases import adopt_aliases
from console.core.assistant.aliases import Aliases, as_aliases
from console.core.assistant.clauses import FILLER, is_chatter, split_clauses, split_spaced
from console.core.assistant.corrections import corrected, corrected_words
from console.core.assistant.checklists import checklist, checklist_words
from console.core.assistant.excepting import bare_but, excepted_ids, split_exception
from console.core.assistant.inclusions import included
from console.core.assistant.place_kind_verbs import own_kind_only
from console.core.assistant.place_bounds import kind_not_there_refusal, unknown_place
from console.core.assistant.described import described
from console.core.assistant.known_limits import known_limit
from console.core.assistant.leaving_chatter import drop_leaving
from console.core.assistant.keep_out_span import keep_out_span
from console.core.assistant.dim_as_dark import dim_as_dark
from console.core.assistant.report_sources import drop_report_source
from console.core.assistant.reported_numbers import drop_records_zh, mask_codes_zh, mask_reported
from console.core.assistant.undone_reports_zh import undone_as_state  # 仓库灯没关，关一下 (session 11c)
from console.core.assistant.leftovers import zh_place_name
from console.core.assistant.compound_places import opening_place, unknown_place_named
from console.core.assistant.brief_pause import brief_pause
from console.core.assistant.person_from import person_from
from console.core.assistant.mode_on import ModeOn
from console.core.assistant.event_headings import event_heading
from console.core.assistant.nuisance_sources import drop_source
from console.core.assistant.half_speed_zh import half_speed
from console.core.assistant.clashes import clash_in
from console.core.assistant.on_place import on_place, on_place_problem
from console.core.assistant.sound_patterns import sound_patterns
from console.core.assistant.rough_targets import rough_target
from console.core.assistant.object_verbs_zh import object_first_regex, verb_first
from console.core.assistant.shared_switch import shared_switch
from console.core.assistant.run_ons import split_run_ons, things_regex
from console.core.assistant.does_names import DoesNames
from console.core.assistant.each_part import unfit_part
from console.core.assistant.ellipsis_parts import ellipsis_part
from console.core.assistant.let_out import let_people_out
from console.core.assistant.stop_doing_zh import stop_doing  # 警笛别响了: stop it (stop_doing_zh.py)
from console.core.assistant.keep_out_lead import lead_keep_out
from console.core.assistant.kept_devices import kept_reading
from console.core.assistant.size_words_zh import drop_size_word
from console.core.assistant.glued_slips_zh import glued_slip, glued_unknown
from console.core.assistant.main_lights import main_fixture
from console.core.assistant.there_place import name_there, there_unplaced
from console.core.assistant.bare_verbs import generic_phrases, says_own_verb
from console.core.assistant.brighter_on import brighter_on
from console.core.assistant.bounded_negations import negation_bounded, spoken_rest
from console.core.assistant.incident_reasons import reasons_dropped
from console.core.assistant.product_reasons import product_reasons_read
from console.core.assistant.refused_rereads import reread_refused
from console.core.assistant.bare_both import only_both
from console.core.assistant.warn_people import warned
from console.core.assistant.personal_alarms import personal_alarms
from console.core.assistant.noun_pairs import each_noun
from console.core.assistant.noun_lists_zh import each_listed
from console.core.assistant.warm_target import degrees_after_warmer, either_way_auto
from console.core.assistant.direction import (
    DOWN,
    LESS,
    UP,
    bound_in,
    direction_of,
    less_in,
    lock_violation,
    lock_ways,
    violation,
)
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.guessed_clashes import guessed_clash
from console.core.assistant.delays import delay_in
from console.core.assistant.lexicon import (
    ANY_OFF,
    ANY_ON,
    CJK,
    CLOSE,
    LOCK,
    OFF,
    ON,
    OPEN,
    OPENING_CAPS,
    STOPWORDS,
    SWITCH_CAPS,
    UNLOCK,
)
from console.core.assistant.numbers import UNIT_OF
from console.core.assistant.ordinals import Ordinals
from console.core.assistant.absent_ordinals import AbsentOrdinals
from console.core.assistant.own_way import own_unread_way, particle_ways
from console.core.assistant.also_asks import joined_by_also
from console.core.assistant.outdoors import OUTSIDE_WORDS, drop_someone_outside, outdoor_devices, outside_said
from console.core.assistant.parser import IntentParser
from console.core.assistant.state_reports import command_for_report
from console.core.assistant.both_ways import contradiction_for, replaceable  # 既要打开又要关闭 (both_ways.py)
from console.core.assistant.state_reports import mask_state_reports
from console.core.assistant.present_reports import without_reports
from console.core.assistant.people import as_let_in, blank_people, let_person_in, lets_person_in, people_enter
from console.core.assistant.place_there_zh import drop_there_after_place, place_there_regex
from console.core.assistant.phrases import move_particles, normalize
from console.core.assistant.proposal import (
    AMBIGUOUS,
    NOTHING_ACTIONABLE,
    OUT_OF_RANGE,
    UNKNOWN_DEVICE,
    Proposal,
    Refusal,
    build_proposal,
)
from console.core.assistant.place_lists import PlaceLists
from console.core.assistant.past_values import past_value, past_value_reason
from console.core.assistant.others_zh import others_exception
from console.core.assistant.pronoun_place import it_as_place, own_verbs_blanked, verb_target_only
from console.core.assistant.ranker import Ranker
from console.core.assistant.reader import read
from console.core.assistant.reading import Reading
from console.core.assistant.relative_target import value_only
from console.core.assistant.screening import (
    MAX_CHARS,
    contradiction_in,
    guard,
    keep_out_purpose,
    schedule_in,
    statement_in,
)
from console.core.assistant.ha_semantics import meaning_for
from console.core.assistant.lent_values import clause_values, lent_to
from console.core.assistant.headings import purpose_heading, terse_states
from console.core.assistant.time_headings import time_heading
from console.core.assistant.hour_or_value import bare_at_hour
from console.core.assistant.purpose_picks import drop_purpose_picks, lost_to_model_clauses
from console.core.assistant.switch_values import mode_runs, moved_to, needed_runs
from console.core.assistant.max_runs import AT_MAX
from console.core.assistant.symptom_over import over_clause, over_started, symptom_over
from console.core.assistant.trailing_symptoms import trailing_symptoms
from console.core.assistant.place_only_parts import place_only_parts
from console.core.assistant.reason_amounts import drop_half_reports
from console.core.assistant.shared_get import share_get
from console.core.assistant.top_words_zh import top_words
from console.core.assistant.verb_kinds import verb_kind_only
from console.core.assistant.described_words import described_kind_only
from console.core.assistant.chatter_typos import fixed_but_chatter
from console.core.assistant.handover_reports import handover_report
from console.core.assistant.place_degrees import degrees_for_place
from console.core.assistant.placed_values import numbers_placed
from console.core.assistant.unplaced_values import unplaced_refused
from console.core.assistant.open_door import door_opened, opens_the_door_zh
from console.core.assistant.intruder_unlock import intruder_unlock
from console.core.assistant.complaint_pairs import complaint_pairs
from console.core.assistant.it_other_device import it_elsewhere
from console.core.assistant.cut_verbs import cut_as_off
from console.core.assistant.definite_ties import tie_open_to_model
from console.core.assistant.negated_reasons import need_gone_up, negated_need, reason_command
from console.core.assistant.need_gone_alone import need_gone_alone
from console.core.assistant.absent_devices import absent_device_in, absent_device_words
from console.core.assistant.foreign_nouns import foreign_noun_in, foreign_nouns, noun_regex
from console.core.assistant.other_doors import other_door_in
from console.core.assistant.other_ones import OtherOnes
from console.core.assistant.then_parts import then_parts
from console.core.assistant.junk_parts import junk_part
from console.core.assistant.bare_nouns_zh import known_noun_zh
from console.core.assistant.symptom_values import pace_problem, pace_said
from console.core.assistant.device_decimal import decimal_after_device
from console.core.assistant.described_nouns import DescribedNouns
from console.core.assistant.spoken_slips import tens_too
from console.core.assistant.comparative_switch import comparative_switch  # "cooler" is no "off" (comparative_switch.py)
from console.core.assistant.unnamed_alarms import alarm_kinds, without_unnamed_alarms
from console.core.assistant.opposite_feelings import feeling_problem, light_kinds
from console.core.assistant.go_dark import dark_problem, dark_words, go_dark
from console.core.assistant.trailing_asides import drop_trailing
from console.core.assistant.ordinal_or_value import ordinal_or_value, ordinal_value_regex
from console.core.assistant.lead_reasons import lead_reason_command
from console.core.assistant.ordinal_lists import OrdinalLists, ordinal_list
from console.core.assistant.site_words import names_site
from console.core.assistant.topic_zh import carry_topic
from console.core.assistant.semantics import (
    KindHit,
    Meaning,
    foreign_place,
    less_means_down,
    matched,
    names_what_is_taken_away,
    needle,
    phrase_regex,
    score_kinds,
)
from console.core.assistant.typos import TypoFixer
from console.core.assistant.unread_noun_en import unread_noun_en
from console.core.assistant.unasked_parts import unasked_refused  # what the ask did not ask (session 12, issue 17)
from console.core.assistant.reason_extras import reason_answered
from console.core.assistant.sun_glare import glare_problem, glare_rewrite
from console.core.assistant.rewrites import ASK_REWRITES, OWN_WORDS, SAID_REWRITES, chained
from console.core.assistant.tiny_amounts import tiny_amount_problem
from console.core.assistant.all_of_unknown import unknown_all_noun
from console.core.assistant.value_enough import without_value_enough
from console.core.assistant.cover_ways import cover_ways
from console.core.assistant.it_is_thing import ItAsThing
from console.core.assistant.zone_lists import ZoneLists
from console.core.assistant.bare_numbers import spelled_number
from console.core.assistant.thing_on import thing_on_value, thing_out
from console.core.assistant.truncations import Truncations
from console.core.assistant.vocabulary import chinese_name_words
from console.core.assistant.wording import or_list, t
from console.core.fleet.catalog import Fleet
from console.core.protocol import DeviceMeta

log = logging.getLogger(__name__)

RULES, SEMANTICS, MODEL = "rules", "semantics", "model"
# words the typo fixer must leave alone: numbers, units, ordinals
EXTRA_KNOWN = set(re.findall(r"[a-z]+", " ".join(list(UNIT_OF) + [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred number first second third",
    "fourth fifth minute hour second pls please thanks",
    # real words one edit from a negation ("done" → "dont"): never "fixed" into one
    "done note noted notes hot got lot dot now nod nut net day",
    # one edit from the climate's "heat" / "heating" / "heated": "heading to the office" never heats it (held-out 33)
    "head heads heading headed",
    # who waits where, one edit from a fleet word: "the cleaning crew is waiting at the entrance, let them in" had
    # read "wailing" (the siren's) and lost the let-in; "is back" → "black" (a lamp's dark) (blind set 33)
    "wait waits waiting waited back sitting"])))
# "the ceiling and desk lamps": two names that share their kind word
_SHARED_NOUN = re.compile(r"(?<![a-z])([a-z]+)\s+and\s+([a-z]+)\s+([a-z]+?)(?:es|s)(?![a-z])")
# the direction a verb the rules read says, for the kind's sentence ("一号线开始生产": start → up)
ACTION_DIRECTION = {ON: UP, ANY_ON: UP, OPEN: UP, UNLOCK: UP, OFF: DOWN, ANY_OFF: DOWN, CLOSE: DOWN, LOCK: DOWN}
_EN_ORDINAL = {1: ("first", "1st"), 2: ("second", "2nd"), 3: ("third", "3rd"), 4: ("fourth", "4th"), 5: ("fifth", "5th")}
_EN_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_WANT = re.compile(r"(?<![a-z])(?:need|want|give (?:me|us)|get (?:me|us)|bring)(?![a-z])|需要|要有|给我")
_PARTICLE_HINT = re.compile(r"(?<![a-z])(?:up|down|upwards?|downwards?)(?![a-z])|[上下](?:去|来)|[往朝向][上下]")
_FULL_OF = re.compile(r"(?<![a-z])full\s+of(?![a-z])")
# a Chinese clause ending in a change complement (走起来, 弄一下, 撤下来) asks for a change (session 9)
# a terse item: a short noun phrase and a state word at its end ("steam on"), never "the building is on fire"
_TERSE_ITEM = re.compile(r"^(?:the\s+)?(?:[a-z0-9-]+\s+){0,3}?(?:on|off|open|closed|shut|going|running|flowing)"
                         r"(?:\s+(?:please|pls|now|too|again))?$")
_COPULA = re.compile(r"(?<![a-z])(?:is|are|was|were|be|been|it|they)(?![a-z])|'s|'re")
_CHANGE_ZH = re.compile(r"[\u3400-\u9fff](?:起来|一下|下来|出来|出去|掉)(?:吧|了|啊|呀)?$")
# a clause that is only "all" + a verb after a clause about a device (办公室百叶窗放下来，全部关上): how far that device goes
_ALL_AMOUNT_ZH = re.compile(r"^(?:请|再|也|就|然后)?(全部|全都|统统|通通|完全|彻底|都|全)(?=[\u3400-\u9fff])")
# …unless it still says what (东西, 设备, 那里) or a number: 办公室没人了，把那里的东西都关掉 is every device there
_ALL_WHAT_ZH = re.compile(r"\d|东西|设备|装置|机器|电器|那里|这里|那边|这边|所有|一切|别的|其他|其它|其余")
# how a value should move, not a switch: with a target ("凉快一点，20度", "warmer, 23 degrees") only the target
_COMPARATIVE = re.compile(r"(?<![a-z])(?:warmer|cooler|colder|hotter|brighter|dimmer|darker|faster|slower|quieter|"
                          r"louder)(?![a-z])|凉快|暖和|凉爽|亮一?点|暗一?点|快一?点|慢一?点")
RETRY = (NOTHING_ACTIONABLE, UNKNOWN_DEVICE, AMBIGUOUS)  # the rules' refusals a later layer may resolve

# chooser(utterance, candidate descriptions) -> index of the pick, or None (no pick: the operator is asked)
Chooser = Callable[[str, Sequence[str]], "int | None"]


class _Pick:
    """A ranker for IntentParser that records the tie it was asked about and picks ``index`` in it."""

    enumerates = True  # it lists the tied readings (the model is asked later, if at all): targets.py asks it always

    def __init__(self, index: int | None) -> None:
        self.index = index
        self.seen: list[list[str]] = []

    def __call__(self, _utterance: str, cands: Sequence[DeviceMeta]) -> list[float]:
        self.seen.append([m.id for m in cands])
        if self.index is None or self.index >= len(cands):
            return [float("nan")] * len(cands)  # no pick: the parser asks "which one?"
        return [1.0 if i == self.index else 0.0 for i in range(len(cands))]


# an explicit top of the range: the device should be running at it ("fully" is an amount word, not this)
_AT_MAX = AT_MAX  # "max extraction", "full coolant flow", "all the way up", 全速 (max_runs.py)


# 开到中档 / 开成高速 / 开到二十四度: 开 + a level, the device runs at it (调到/设到/设成 set the value only)
# a verb that sets a value, nothing more: with it, a kind's own word (通风) is its noun, never "on"
_RUN_AT_ZH = re.compile(r"跑|按")
_SET_TO = re.compile(r"调到|调成|调为|调至|设为|设成|设到|设置为|设置成|设定为|改为|改成|换成|切换到|切换成|切换为"
                     r"|(?<![a-z])(?:set|change|adjust|put)\s+(?:\S+\s+){0,5}?to(?![a-z])")
# a start / produce / run verb with a level runs the device at it, as 开到 does (the blind writers agree:
# 一号传送带按每分钟五十转跑起来, "get the second line producing again at 70 rpm", "give line a some fresh air, low
# speed is enough", 给A线通通风，低速就行); 调到 / "set … to" with the noun 通风 stays value-only
_OPENED_TO = re.compile(r"开(?:到|成)|跑起来|运转起来|给[^，,；;。]{0,8}?(?:通通?风|换换?气)"
                        # 两台传送带都跑60转, 二号线产品跑80转: 跑 ("run") + a rate runs it at that rate (session 9)
                        r"|跑(?:到|在)?\s*(?=[\d零〇一二两三四五六七八九十百])|按[^，,；;。]{0,12}?跑(?!起来)"
                        r"|(?<![a-z])(?:get|gets|got|getting)\s+(?:\S+\s+){0,5}?(?:going|producing|running|moving)(?![a-z])"
                        r"|(?<![a-z])give\s+(?:\S+\s+){0,4}?(?:fresh\s+)?air(?![a-z])")


# 仓库的 <noun> <verb>: the noun a place's 的 introduces, up to the verb (or the end)
_PLACE_NOUN_ZH = re.compile(r"\s*的\s*([^\s，,。.!！；;]+?)\s*(?=关|开|打|停|启|熄|灭|锁|解|调|设|拉|放|合|升|降|切|给|都|全|也|"
                            r"[，,。.!！；;]|$)")
_GENERIC_ZH = re.compile(r"全部|所有|一切|东西|设备|装置|机器|电器|一下|这些|那些|都|全")


def _is_level(meta: Any, name: str, value: Any) -> bool:
    """A running level: a number (not a switch) or an ordered level (low/medium/high), never a mode word."""
    cap = meta.capabilities.get(name)
    if cap is None or isinstance(value, bool):
        return False
    if cap.type == "enum":
        return value in ("low", "medium", "high")
    return cap.type in ("int", "float")


def _at_top(meta: Any, name: str, value: Any) -> bool:
    """Is ``value`` the top of the capability's range (an ordered enum's last level, a number's maximum)?"""
    cap = meta.capabilities.get(name)
    if cap is None or isinstance(value, bool):
        return False
    if cap.type == "enum" and cap.values:
        levels = [v for v in ("low", "medium", "high") if v in cap.values]
        return bool(levels) and value == levels[-1]
    top = getattr(cap, "max", None)
    return cap.type in ("int", "float") and top is not None and float(value) == float(top)


# a clause starting with one of these asks for something (that may be out of reach): never a situation
_REQUESTS = frozenset(
    "fix repair check call reset clean send order restart reboot refill replace print email tell show make get put "
    "give bring take move find tidy empty fill water feed charge book schedule mop sweep wash update log record note "
    "text message ring let have keep do go set turn switch open close start stop lock unlock raise lower run".split())


# a verb's "settle into it" complement (让院子安静下来, 静下去): no word of its own, the verb before it says it all
_SETTLE_ZH = re.compile(r"(?<=[\u3400-\u9fff])(?:下来|下去)")


class Assistant:
    """Build once per fleet (tens of milliseconds), then ``understand`` many utterances."""

    def __init__(
        self,
        fleet: Fleet | Iterable[DeviceMeta],
        aliases: Aliases | Mapping | str | Path | None = None,
        *,
        semantics: Mapping[str, Any] | None = None,
        chooser: Chooser | None = None,
        exposed: Callable[[str], bool] | None = None,
        current: Callable[[str], Mapping[str, Any] | None] | None = None,
        max_commands: int = 50,
        ranker: Ranker | None = None,
    ) -> None:
        declared = semantics if semantics is not None else (fleet.semantics if isinstance(fleet, Fleet) else None)
        metas = [m for m in (fleet.devices if isinstance(fleet, Fleet) else fleet) if isinstance(m, DeviceMeta)]
        self.metas = [m for m in metas if exposed is None or exposed(m.id)]  # the hidden ones do not exist here
        self.by_id = {m.id: m for m in self.metas}
        # a device named as a bundled device this fleet lacks takes its words ("Coolant pump": "cooling water")
        self.aliases = adopt_aliases(as_aliases(aliases), self.metas)  # adopted_aliases.py
        self.chooser = chooser
        self.current = current
        self.max_commands = max_commands
        # which devices a clause is about: asked several times per multi-clause ask (the clause pass, the
        # direction check), the same answer for the same words (lru_cache is thread-safe)
        self._refers_cached = functools.lru_cache(maxsize=1024)(self._refers_now)
        self._zones_cached = functools.lru_cache(maxsize=1024)(self._zones_now)  # the scope pass, same reason
        self._ways_cached = functools.lru_cache(maxsize=1024)(self._ways_now)  # a clause's ways, same reason
        self._situation_cached = functools.lru_cache(maxsize=1024)(self._situation_now)  # the both-ways check
        # ranker: the older device tie-break inside the rules (its picks are model rows too)
        self.rules = IntentParser(self.metas, self.aliases, ranker=ranker, max_commands=max_commands)
        self.meaning: Meaning = meaning_for(self.metas, declared)
        zh_names = [x for table in (self.aliases.zones, self.aliases.devices, self.aliases.kinds)
                    for names in table.values() for x in names.get("zh", ())]
        name_words = list(chinese_name_words(self.metas, self.aliases))  # 主门, 前门: names too, never slips
        self.name_words_zh = [normalize(w) for w in name_words]  # 后门 where "Back door lock" is a device (other_doors.py)
        zh_names += name_words
        zh_names += [p for km in self.meaning.kinds.values() for p in km.things + km.up + km.down if CJK.search(p)]
        self.typos = TypoFixer(self.rules.known_words | self.meaning.words() | EXTRA_KNOWN, zh_names,
                               [x for table in (self.aliases.zones, self.aliases.devices, self.aliases.kinds)
                                for names in table.values() for x in names.get("zh", ())] + name_words,
                               [x for names in self.aliases.zones.values() for x in names.get("zh", ())])
        # "warehouse flood on": a device's name cut to its first word (truncations.py), for the semantic layer only
        self.truncations = Truncations(
            {**{d: names.get("en", ()) for d, names in self.aliases.devices.items() if d not in self.by_id},
             **{m.id: [*self.aliases.devices.get(m.id, {}).get("en", ()), m.name] for m in self.metas}},
            [x for table in (self.aliases.zones, self.aliases.kinds) for names in table.values()
             for x in names.get("en", ())] + sorted(self.meaning.words()) + [m.zone or "" for m in self.metas])
        self.ordinals = Ordinals(self.metas, self.aliases, self.meaning.device_ordinal, self.meaning.zone_ordinal)
        # "conveyor C", "the second pump", 三号传送带: a number or letter naming no device (absent_ordinals.py)
        self.absent_ordinals = AbsentOrdinals(self.metas, self.aliases.kinds, self.ordinals.by_kind)
        self.ordinal_lists = OrdinalLists(self.ordinals, self.aliases.kinds)  # 一号和二号传送带, "conveyors 1 and 2" (ordinal_lists.py)
        self.ordinal_value = ordinal_value_regex(self.ordinals.word_kind)  # "conveyor 1 and 2 rpm" (ordinal_or_value.py)
        zones_of_kind: dict[str, set[str]] = {}
        for m in self.metas:
            zones_of_kind.setdefault(m.kind, set()).add(m.zone)
        self.place_lists = PlaceLists(zones_of_kind, self.aliases.zones, self.aliases.kinds,
                                      {m.zone for m in self.metas})
        self.zone_lists = ZoneLists(self.aliases.zones, {m.zone for m in self.metas})  # "on lines a and b"
        self.kind_words = {k: [k] + [normalize(x) for v in self.aliases.kinds.get(k, {}).values() for x in v]
                           for k in {m.kind for m in self.metas}}
        self.semantic_words = self.meaning.words()
        self.object_first = object_first_regex(self.meaning.kinds)  # 烟排一下 → 排烟 (object_verbs_zh.py)
        self._removed_things = frozenset(r for km in self.meaning.kinds.values() for r in km.removes)  # rid_of_it.py
        self.nuisance_words = frozenset(p for km in self.meaning.kinds.values() for p in km.things  # nuisance_sources.py
                                        if re.fullmatch(r"[a-z]+", p))
        self.thing_words = things_regex(p for km in self.meaning.kinds.values() for p in km.things)  # run_ons.py
        self.described_nouns = DescribedNouns(self.meaning, self.metas, self.aliases.display_name)  # described_nouns.py
        self.it_as_thing = ItAsThing(self.meaning)  # "too sunny, block it": the sun (it_is_thing.py)
        self.other_ones = OtherOnes(self.metas, self.aliases, self.kind_words, self.rules.vocab,  # other_ones.py
                                    lambda text: self._zone_numbers(self.ordinals.rewrite(text)))
        self.does_names = DoesNames(self.meaning, {k: self.aliases.kinds.get(k, {}).get("zh", ())  # does_names.py
                                                   for k in self.kind_words})
        self.light_kinds = light_kinds(self.meaning.kinds)  # what gives light: "too bright" never switches it on
        self.dark_words = dark_words(self.light_kinds, self.aliases.kinds)  # "it can go dark": "lights off" (go_dark.py)
        self.alarm_kinds = alarm_kinds(self.meaning.kinds, {m.kind for m in self.metas})  # what "everything on" leaves out
        # a kind's words that are only the rules' generic verbs (the lock's "open" / 打开): alone they pick no kind
        self.generic_verbs = generic_phrases(self.meaning.kinds, self.rules.vocab)  # bare_verbs.py
        # 院子那边, 仓库那里: a fleet place word + a locative is that place, not the pronoun "there" (place_there_zh.py)
        self.place_there = place_there_regex([normalize(x) for names in self.aliases.zones.values()
                                              for x in names.get("zh", ())]
                                             + [p for ws in self.meaning.device_things.values() for p in ws]
                                             # 蒸汽那边, 传送带那边: a kind's own thing or noun there too (session 12)
                                             + [p for km in self.meaning.kinds.values() for p in km.things if len(p) > 1]
                                             + [normalize(x) for k in {m.kind for m in self.metas}
                                                for x in self.aliases.kinds.get(k, {}).get("zh", ()) if len(x) > 1])
        # fridge, TV, 冰箱, 电视: appliance nouns this fleet's words do not know (foreign_nouns.py)
        self.foreign_nouns = noun_regex(foreign_nouns(lambda w: w in self.semantic_words or self._device_word(w)
                                                      or bool(read(w, self.rules.vocab).mentions)))
        phrases = [p for km in self.meaning.kinds.values() for p in km.things + km.up + km.down]
        phrases += [p for ws in self.meaning.device_things.values() for p in ws]
        self.zh_chars = {ch for p in phrases for ch in p if CJK.match(ch)}
        self.zh_phrases = tuple(dict.fromkeys(p for p in phrases if CJK.search(p)))  # a bare noun's test (bare_nouns_zh)
        # every name of a place or device the fleet has: a place word they do not cover is another place
        self.place_names = [normalize(x) for table in (self.aliases.zones, self.aliases.devices)
                            for names in table.values() for v in names.values() for x in v]
        self.place_names += [normalize(x) for z in {m.zone for m in self.metas if m.zone}
                             for x in (z, re.sub(r"[-_]", " ", z))]
        self.place_names += [normalize(m.name) for m in self.metas]
        # "outside" names the outdoor devices where the fleet has some (the yard siren); the gate keeps it to them
        self.mode_on = ModeOn({v for m in self.metas for c in m.capabilities.values()  # mode_on.py
                               if c.name == "mode" and c.type == "enum" for v in (c.values or ())})
        self.outdoor = outdoor_devices(self.metas, self.meaning.device_things)
        # a kind people come in by (the lock): 让他进来 / "let in the courier" are read as its phrases (people.py)
        self.entrance = any(people_enter(self.meaning.kinds[m.kind].up) for m in self.metas
                            if m.kind in self.meaning.kinds)
        self.place_names += list(OUTSIDE_WORDS) if self.outdoor else []
        # the aliases' places where this fleet has no device (办公室 in a fleet without an office): other places
        present_zones = {m.zone for m in self.metas}
        self.absent_places = sorted({normalize(x) for z, names in self.aliases.zones.items() if z not in present_zones
                                     for v in names.values() for x in v} - set(self.place_names), key=len, reverse=True)
        # the aliases' devices this fleet lacks ("warehouse floodlight on" without a floodlight): absent_devices.py
        self.absent_devices, self.present_device_words = absent_device_words(
            self.aliases, set(self.by_id), [m.name for m in self.metas])
        # "the second line" names a zone the fleet has (ordinals.py reads it): not a foreign place
        self.place_names += [f"{o} {word}" for word, by_n in self.ordinals.zone_by.items() for n in by_n
                             for o in _EN_ORDINAL.get(n, ())]
        # "line 2", "line two" → the zone numbered 2 among the "line-…" zones (the ordinals' numbering)
        zone_words = "|".join(re.escape(w) for w in self.ordinals.zone_by) or "(?!)"
        self._zone_number = re.compile(
            rf"(?<![a-z])({zone_words})\s+(?:number\s+|no\.?\s*)?([1-5]|one|two|three|four|five)"
            rf"(?![a-z0-9%°.]|\s*(?:%|°|rpm|percent|degrees?|l/min|liters?|litres?))")

    # -- the entry point ----------------------------------------------------------------------------
    def understand(self, utterance: str) -> Proposal:
        """The ask read (``_understand_whole``); never an unlock where the ask says someone is breaking in
        (intruder_unlock.py), never a device other than the one "it" points back at (it_other_device.py), whatever
        path read it; two complaints, each about its own device, both met where the whole was refused as ambiguous."""
        prop = complaint_pairs(self, utterance, self._understand_whole(utterance))  # complaint_pairs.py
        prop = unasked_refused(self, utterance, intruder_unlock(utterance, it_elsewhere(self, utterance, prop)))
        return unplaced_refused(self, utterance, prop)  # 流量整40吧 beside a start: never dropped (unplaced_values.py)

    def _understand_whole(self, utterance: str) -> Proposal:
        """The ask as said (``_understand_said``); where it is refused for a negation that only bounds or clarifies an
        explicit command ("don't open it fully, just 20%", "not the valve, the pump"), the command; never a reading
        that does what the ask negates (bounded_negations.py)."""
        for step in ASK_REWRITES:  # the operator's own words, a restart report, a party's reason, a bare "set 25"
            words = step.words(self, utterance)  # (rewrites.py: the order and why it matters)
            if words is not None:
                return replace(self.understand(words), utterance=utterance)
        said = negation_bounded(self, utterance, self._understand_said(utterance))
        said = reasons_dropped(self, utterance, said)  # "AC to 19, people are about to faint" (incident_reasons.py)
        said = product_reasons_read(self, utterance, said)  # "…, we're doing the 1L bottles first" (product_reasons.py)
        said = reread_refused(self, utterance, said)  # 演习开始, 管了, "xx", "lock up" (refused_rereads.py)
        said = over_started(self, utterance, said)  # whatever re-read it, a problem over starts nothing (symptom_over)
        said = reason_answered(self, utterance, said)  # "fan to low, it's too loud": no siren (reason_extras.py)
        clash = clash_in(said.commands, self.by_id, {c.device_id: c.device_name for c in said.commands}) \
            if said.ok else None
        if clash is not None:  # "set the desk lamp to 50% and turn it off": off and at 50 at once (clashes.py)
            return replace(said, commands=(), refusal=Refusal("unsupported", t(_lang(utterance), *clash)))
        dropped = on_place_problem(self, normalize(utterance or ""), said.commands) \
            if said.ok and len(utterance or "") <= MAX_CHARS else None
        if dropped is not None:  # "stop conveyor a, steam on line b": never dropped, never the other way (on_place.py)
            return replace(said, commands=(), refusal=Refusal(AMBIGUOUS, t(_lang(utterance), *dropped)))
        if said.ok and len(utterance or "") <= MAX_CHARS:  # whatever path read the rest ("the break room is cold, warm
            whole = read(self.typos.fix_zh(normalize(utterance)), self.rules.vocab)  # it up", 茶水间暖和到22度): no device
            lacked = None if any(mn.kind == "device" for mn in whole.mentions) else (  # named (食堂太暗了，把台灯打开)
                unknown_place_named(whole.unknown_nouns) or opening_place(normalize(utterance), self._names_place_or_device))
            if lacked is not None:  # a place the fleet lacks is never the office AC (compound_places.py, session 11b)
                return self._refuse(utterance, UNKNOWN_DEVICE, f"This fleet has no '{lacked}': name the device or its "
                                    "zone.", f"这个设备群中没有“{lacked}”：请说出设备或区域名称。", said.layer)
        masked = mask_reported(normalize(utterance or "")) if not said.ok and len(utterance or "") <= MAX_CHARS else None
        if masked is not None and masked != normalize(utterance or ""):  # 保安说人都走了 22:05，…: a report's numbers
            again = self.understand(masked)  # and times are none of the ask's; only where the ask was refused
            if again.ok:  # (reported_numbers.py)
                return replace(again, utterance=utterance)
        if masked is not None:  # A线传送带也停，ALM-700 挂牌检修 / 厂区锁好，ALM-402 入侵报警 03:04: a pasted row's codes,
            plain = normalize(utterance or "")  # readings and times are none of the ask's (reported_numbers.py, 11c)
            for row in (mask_codes_zh(masked), mask_codes_zh(drop_records_zh(plain)), undone_as_state(plain)):
                if row not in (masked, plain):
                    again = self.understand(row)
                    if again.ok:
                        return replace(again, utterance=utterance)
        return said

    def _understand_said(self, utterance: str) -> Proposal:
        """Read the ask (``_understand_ask``); an ask refused because it says both ways for a device it names ("turn
        the desk lamp on and shut it off", 把台灯打开，然后关掉) is refused as that contradiction, never with the direction
        check's "say the target value" or a "which device?" (both_ways.py)."""
        for step in SAID_REWRITES:  # spaced clauses, narrations, "get rid of it", designator lists, elided nouns,
            words = step.words(self, utterance)  # complaint reasons, the sun's glare (rewrites.py)
            if words == "" and step.refusal is not None:  # "conveyor a and c" with no c: nothing, never half
                return self._refuse(utterance, *step.refusal)
            if words is not None:
                return replace(self.understand(words), utterance=utterance)
        # session 10, before the unknown-place check: "kill the floodlight, im off" / "…, everyone upstairs has gone
        # home" (leaving_chatter.py), "make sure no one can get in overnight" (keep_out_span.py), "warehouse is too
        # dim" (dim_as_dark.py), "phone says cooling pump tripped, start it again" (report_sources.py), "pause it for a
        # sec" (brief_pause.py)
        left = person_from(brief_pause(drop_report_source(dim_as_dark(keep_out_span(drop_leaving(  # person_from.py
            normalize(utterance or ""), self._names_place_or_device)))))) \
            if len(utterance or "") <= MAX_CHARS else None
        left = self.mode_on.rewrite(left, self._place_only) if left is not None else None  # mode_on.py
        left = event_heading(self, left, {m.id: m.name for m in self.metas}) if left is not None else None  # "yard drill: …"
        left = drop_source(left, self.nuisance_words.__contains__, self._names_place_or_device) \
            if left is not None else None  # "smoke from the welding" (nuisance_sources.py)
        left = half_speed(left) if left is not None else None  # 半速 (half_speed_zh.py)
        if left is not None and left != normalize(utterance or ""):
            short = replace(self.understand(left), utterance=utterance)
            if short.ok:
                return short  # else the ask as said, where it reads (人都走了，把灯关了: the remark's clause pass)
            said = self._understand_said_as_is(utterance)
            return said if said.ok else short
        return self._understand_said_as_is(utterance)

    def _understand_said_as_is(self, utterance: str) -> Proposal:
        """``_understand_said`` without the session-10 rewrites above."""
        place = unknown_place(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if place is not None:  # "it's cold in the kitchen, warm it up": before any layer, the model's too (place_bounds.py)
            return self._refuse(utterance, UNKNOWN_DEVICE, f"This fleet has no '{place}': name the device or its zone.",
                                f"这个设备群中没有“{place}”：请说出设备或区域名称。", SEMANTICS)
        prop = door_opened(utterance, self._understand_ask(utterance))  # 把正门打开: no lock's verb (open_door.py)
        prop = kind_not_there_refusal(self, utterance, prop)  # "the aircon in the warehouse, …" (place_bounds.py)
        if prop.refusal is None or prop.commands or not replaceable(prop.refusal.reason) \
                or len(utterance or "") > MAX_CHARS:
            return prop
        why = contradiction_for(mask_state_reports(normalize(utterance or "")), self.by_id, self._refers,
                                self._clause_ways, self.aliases.display_name, _lang(utterance))
        return prop if why is None else replace(prop, refusal=Refusal("unsupported", why))

    def _understand_ask(self, utterance: str) -> Proposal:
        """Read the ask (below); then 开到/开成 + a level switches the device on (``_opened_to``)."""
        if len(utterance or "") <= MAX_CHARS and handover_report(normalize(utterance or "")):
            return self._refuse(utterance, NOTHING_ACTIONABLE, "That is a report of how things are (a handover or "  # (handover_reports.py)
                                "status), not a request: say what should happen (e.g. \"close the steam valve\").",
                                "这是交接或状态汇报，说的是现在的情况，不是要做什么：请说要做什么（例如“把蒸汽阀关上”）。")
        listed = checklist(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if listed is not None:  # "1. conveyor A stop 2. valve shut": each item on its own, all or none (checklists.py)
            return listed
        fixed = corrected(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if fixed is not None:  # "start conveyor b, oh wait, stop it": the correction only, never the withdrawn part
            return fixed  # (corrections.py; also politeness: "sorry to bother you", "sorry if this is wrong")
        incl = included(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if incl is not None:  # "every light off, the warehouse one too": included, never the bound (inclusions.py)
            return incl
        onp = on_place(self, normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if onp is not None:  # "coolant off, steam on line b": the steam on too, never dropped (on_place.py)
            return replace(self.understand(onp), utterance=utterance)
        known = known_limit(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if known is not None:  # "dim all the lights to 35%, I know the floodlight can't dim": the group ask (known_limits.py)
            return known
        over = symptom_over(self, normalize(utterance or ""), utterance) if len(utterance or "") <= MAX_CHARS else None
        if over is not None:  # 一号线气味散了，排风可以停了: a problem over starts nothing (symptom_over.py)
            return over
        why = trailing_symptoms(self, normalize(utterance or ""), utterance) if len(utterance or "") <= MAX_CHARS \
            else None
        if why is not None:  # "kill conveyor A, smoke everywhere": the reason after a command adds nothing
            return why  # (trailing_symptoms.py)
        halves = drop_half_reports(normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if halves is not None and halves != normalize(utterance or ""):  # "…, half the bulbs are out": no amount
            return replace(self.understand(halves), utterance=utterance)  # (reason_amounts.py)
        shared = share_get(normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if shared is not None and shared != normalize(utterance or ""):  # "get A circulating and B going": get B
            return replace(self.understand(shared), utterance=utterance)  # going too (shared_get.py)
        topped = top_words(normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if topped is not None and topped != normalize(utterance or ""):  # 吸顶灯开到最亮: 开到最大 (top_words_zh.py)
            return replace(self.understand(topped), utterance=utterance)
        placed = place_only_parts(self, normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if placed is not None:  # 一号线生产速度调到70，二号线调到90: line 2's production speed (place_only_parts.py)
            return replace(self.understand(placed), utterance=utterance)
        big = main_fixture(self, normalize(utterance or "")) if len(utterance or "") <= MAX_CHARS else None
        if big is not None and big != normalize(utterance or ""):  # "the big light in the office": its ceiling lamp
            return replace(self.understand(big), utterance=utterance)  # (main_lights.py)
        glued = glued_slip(self.typos.homophones, normalize(utterance or "")) \
            if len(utterance or "") <= MAX_CHARS else None
        if glued is not None and glued != normalize(utterance or ""):  # 太灯 → 台灯, never every lamp (glued_slips_zh.py)
            return replace(self.understand(glued), utterance=utterance)
        alien = glued_unknown(self.typos.homophones, normalize(utterance or "")) if glued is not None else None
        if alien is not None:  # 空调和路灯都关掉: a lamp the fleet lacks, never every lamp (glued_slips_zh.py)
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device called '{alien}' in this fleet: name the device.",
                                f"这个设备群中没有叫“{alien}”的设备：请说出设备名称。")
        sized = drop_size_word(normalize(utterance or ""), self.rules.vocab, self.metas) \
            if len(utterance or "") <= MAX_CHARS else None
        if sized is not None and sized != normalize(utterance or ""):  # 仓库大灯: its one lamp (size_words_zh.py)
            return replace(self.understand(sized), utterance=utterance)
        noun = foreign_noun_in(normalize(utterance or ""), self.foreign_nouns, lambda text: any(
            mn.kind in ("device", "kind") for mn in read(text, self.rules.vocab).mentions))
        if noun is not None:  # 办公室冰箱打开: never the office's devices, nor a device the verb alone picks
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device called '{noun}' in this fleet: name the device.",
                                f"这个设备群中没有叫“{noun}”的设备：请说出设备名称。")
        door = other_door_in(normalize(utterance or ""), self.present_device_words + self.name_words_zh)
        if door is not None:  # "unlock the back door", 把后门锁上: another door, never the main lock (other_doors.py)
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device is called '{door}' in this fleet: name the "
                                "device (e.g. the main entrance lock).", f"这个设备群中没有“{door}”：请说出设备名称（例如大门门锁）。")
        too = tens_too(normalize(utterance or ""))
        if too is not None:  # "set the desk lamp to forty too": forty-two, or forty as well? (spoken_slips.py)
            return self._refuse(utterance, AMBIGUOUS, f"'{too[0]}': {too[1] + 2}, or {too[1]} as well? Say the number "
                                f"in digits (e.g. \"{too[1] + 2}\").",
                                f"“{too[0]}”是 {too[1] + 2}，还是“也是 {too[1]}”？请用数字说出数值（例如“{too[1] + 2}”）。")
        said = ordinal_or_value(normalize(utterance or ""), self.ordinal_value)
        if said is not None:  # "set conveyor 1 and 2 rpm": devices 1 and 2, or device 1 at 2? never speed 2 silently
            return self._refuse(utterance, AMBIGUOUS, f"'{said}': is the second number a device or the value? Say e.g. "
                                "\"conveyors 1 and 2 at 30 rpm\" or \"conveyor 1 to 2 rpm\".",
                                f"“{said}”：第二个数字是设备编号还是设定值？请说例如“1号和2号传送带调到每分钟30转”或“1号传送带调到每分钟2转”。")
        if len(utterance or "") <= MAX_CHARS:
            sounded = sound_patterns(normalize(utterance), self.rules.vocab.enum_values)  # "do the on-off beeping"
            if sounded != normalize(utterance):  # → pulse, 换成呜呜呜那种 → 啸叫 (sound_patterns.py)
                return replace(self.understand(sounded), utterance=utterance)
            warn = warned(normalize(utterance))  # "everyone needs to be warned": warn everyone (warn_people.py)
            if warn != normalize(utterance):
                return replace(self.understand(warn), utterance=utterance)
            mine = personal_alarms(normalize(utterance))  # "got an alarm on my phone": no siren (personal_alarms.py)
            if mine != normalize(utterance):
                return replace(self.understand(mine), utterance=utterance)
            desc = described(self, utterance)  # "that whooshing thing over line A", 一号线那个吹风的 (described.py)
            if desc is not None and desc.text is None:
                return self._refuse(utterance, desc.kind, desc.en, desc.zh)
            if desc is not None:
                return replace(self.understand(desc.text), utterance=utterance)
            norm = normalize(utterance)  # "the boxes on line B", "that howling in the yard" (described_nouns.py)
            named = self.described_nouns.rewrite(norm, lambda x: read(x, self.rules.vocab).mentions, self._zones_named)
            if named != norm:
                return replace(self.understand(named), utterance=utterance)
            other = self.other_ones.rewrite(normalize(utterance))  # "X is off, kill the other one too" (other_ones.py)
            if isinstance(other, tuple):
                return self._refuse(utterance, AMBIGUOUS, *other)
            if other is not None:
                return replace(self.understand(other), utterance=utterance)
            kept = kept_reading(normalize(utterance), self.understand, self.other_ones._named, self._devices_named,
                                {x.id: x.kind for x in self.metas}, utterance, _lang(utterance))
            if kept is not None:  # 一号灯关掉，台灯留着: the kept device is never changed (kept_devices.py)
                return kept
            let_out = stop_doing(let_people_out(normalize(utterance)))  # "let them out": people, the lock (let_out.py)
            let_out = let_person_in(let_out) if self.entrance else let_out  # 让他进来: the lock (people.py)
            let_out = command_for_report(let_out)  # "the floodlight is still on, switch it off" (state_reports.py)
            let_out = drop_there_after_place(let_out, self.place_there)  # 院子那边: the yard (place_there_zh.py)
            if let_out != normalize(utterance):
                return replace(self.understand(let_out), utterance=utterance)
            gone = need_gone_alone(self, let_out)  # 一号线现在空气很好了，不用排风了: the fan off (need_gone_alone.py)
            if gone is not None:
                return replace(gone, utterance=utterance)
            rest = without_reports(let_out)  # "the lamps are off, lock the door": how a device is (present_reports.py)
            if rest == "":
                return self._refuse(utterance, NOTHING_ACTIONABLE, "That says how devices are, not what should happen: "
                                    "say what to do (e.g. \"close the steam valve\").",
                                    "这说的是设备现在的状态，不是要做什么：请说要做什么（例如“把阀门关上”）。")
            if rest is not None:
                return replace(self.understand(rest), utterance=utterance)
            there = name_there(self, utterance)  # "… the warehouse is dark — lights on there" (there_place.py)
            if there != utterance:
                return replace(self.understand(there), utterance=utterance)
            if there_unplaced(self, utterance):  # "switch on the lights there", no place named: which place?
                return self._refuse(utterance, AMBIGUOUS, "Which place is \"there\"? Say the place, e.g. \"the lights "
                                    "in the warehouse\".", "“那里”是哪里？请说出地方，例如“仓库的灯”。")
            named = self.does_names.rewrite(normalize(utterance))  # "everything that gives light": every lamp
            if named != normalize(utterance):  # (does_names.py)
                return replace(self.understand(named), utterance=utterance)
            dark = go_dark(normalize(utterance), *self.dark_words) if self.dark_words else normalize(utterance)
            dark = drop_trailing(dark, self._names_any)  # "… for the cleaners", ", end of shift" (trailing_asides.py)
            if dark != normalize(utterance):  # "it can go dark", 可以黑了: leave to go dark, the lights off (go_dark.py)
                return replace(self.understand(dark), utterance=utterance)
            bright = brighter_on(self, utterance)  # 仓库太暗了，弄亮一点: its one switch-only light on (brighter_on.py)
            if bright != utterance:
                return replace(self.understand(bright), utterance=utterance)
            # "office warmer, around 25", "heat or cool as needed": a target in degrees, the auto mode (warm_target.py)
            warm = either_way_auto(degrees_after_warmer(normalize(utterance)))
            warm = rough_target(warm)  # 调暗一点，20左右就行: the target (rough_targets.py)
            if warm != normalize(utterance):
                return replace(self.understand(warm), utterance=utterance)
            # "AC 23.5 please": the one setting that takes it (device_decimal.py)
            dec = decimal_after_device(normalize(utterance),  # "AC 22", 顶灯70: a whole number too
                                       lambda: read(normalize(utterance), self.rules.vocab).mentions, self.metas,
                                       {k: set(v) for k, v in self.ordinals.by_kind.items()})
            if dec != normalize(utterance):
                return replace(self.understand(dec), utterance=utterance)
            if re.search(r"[a-z]{3,}\s+\d{1,3}\s*(?:please|pls|thanks)?\s*[.!]*$", dec):  # "cieling lamp 60": the name
                fixed = self.typos.fix(dec)  # spelled right first, then its bare number (session 10b)
                dec = decimal_after_device(fixed, lambda: read(fixed, self.rules.vocab).mentions, self.metas,
                                           {k: set(v) for k, v in self.ordinals.by_kind.items()}) \
                    if fixed != dec else dec
                if dec != fixed and fixed != normalize(utterance):
                    return replace(self.understand(dec), utterance=utterance)
            warm = degrees_for_place(self, normalize(utterance))  # "make the office 22": its AC (place_degrees.py)
            if warm != normalize(utterance):
                return replace(self.understand(warm), utterance=utterance)
            amount = self._amount_clauses(utterance)
            if amount != utterance:
                return replace(self.understand(amount), utterance=utterance)
            way = cover_ways(self, normalize(utterance))  # "blinds up", "office blinds down": open / close (cover_ways.py)
            way = verb_first(way, self.object_first)  # 一号线的烟排一下: 排烟, the fan's word (object_verbs_zh.py)
            way = split_run_ons(way, self.rules.vocab, self.thing_words)  # "conveyor a off conveyor b on" (run_ons.py)
            way = self.zone_lists.rewrite(way)  # "stop everything on lines a and b": each line (zone_lists.py)
            way = self.it_as_thing.rewrite(way, self._names_what)  # "too sunny, block it halfway" (it_is_thing.py)
            if way != normalize(utterance):
                return replace(self.understand(way), utterance=utterance)
            topic = carry_topic(self, utterance)  # 办公室拉开让阳光进来，灯都关了: the office's lamps (topic_zh.py)
            if topic is not None:
                return replace(self.understand(topic), utterance=utterance)
            headed = self._headed(utterance)
            if headed is not None:
                return headed
        listed = self._place_list(utterance) if len(utterance or "") <= MAX_CHARS else None
        if listed is not None:
            return listed
        counted = ordinal_list(self, utterance) if len(utterance or "") <= MAX_CHARS else None
        if counted is not None:  # 一号和二号传送带: each device listed by its number (ordinal_lists.py)
            return counted
        out = self._opened_to(utterance, self._understand_clauses(utterance))
        out = needed_runs(self, mode_runs(self, out))  # switch_values.py: run in a mode, a need + a level
        if out.ok and len(utterance or "") <= MAX_CHARS:  # "cut off the steam and the coolant" (noun_pairs.py)
            out = unfit_part(self, utterance, each_noun(self, utterance, out))  # "lock the door and the blinds"
            out = ellipsis_part(self, utterance, out)  # "stop conveyor b, and the coolant too" (ellipsis_parts.py)
            out = each_listed(self, utterance, out)  # 二号线的冷却水和蒸汽都关了: every noun (noun_lists_zh.py)
        if out.refusal is not None and out.refusal.kind == "unsupported" and len(utterance) <= MAX_CHARS:
            return self._keep_out(utterance) or reason_command(self, utterance) or out
        if out.refusal is not None and len(utterance) <= MAX_CHARS:  # "need to read drawings, desk lamp on"
            return lead_reason_command(self, utterance) or out  # the command only (lead_reasons.py)
        return out

    def _unnamed(self, text: str) -> str:
        """``text`` with the devices' and kinds' names blanked (门锁锁上 → "  锁上": the name's 锁 is no verb)."""
        work = list(text)
        for mn in read(text, self.rules.vocab).mentions:
            if mn.kind in ("device", "kind"):
                work[mn.start:mn.end] = " " * (mn.end - mn.start)
        return "".join(work)

    def _headed(self, utterance: str) -> Proposal | None:
        """headings.py: "Closing the office down: AC off, blinds shut, main entrance locked." is the list, read
        inside the heading's place (the heading is why, never a part); a list of terse states with a device's
        target state ("main entrance locked") reads it as the command.  None when neither applies."""
        norm = normalize(utterance or "")
        head = purpose_heading(norm) or time_heading(norm)  # "end of shift: lights off, …" (time_headings.py)
        if head is not None:
            r = read(head[0], self.rules.vocab)
            if r.numbers or r.enums or r.loose_numbers \
                    or any(mn.kind in ("device", "kind", "any") for mn in r.mentions):
                head = None  # "ceiling lamp: off", "yard siren: pulse pattern, go": the heading is the device
        rest = terse_states(head[1] if head is not None else norm)
        if head is None and rest == norm:
            return None
        # the heading's place stays as the list's place ("office: lights on, …" reads the office's lights only)
        places = " and ".join(head[0][mn.start:mn.end] for mn in r.mentions if mn.kind == "zone") if head else ""
        prop = replace(self.understand(f"{places}: {rest}" if places else rest), utterance=utterance)
        zones = self._zones_named(head[0]) if head is not None else set()
        outside = [c.device_name for c in prop.commands if self.by_id[c.device_id].zone not in zones] if zones else []
        if outside:  # "closing the office down: …, stop conveyor b": never a device outside the heading's place
            return self._refuse(utterance, UNKNOWN_DEVICE, f"That would also change {', '.join(outside)}, outside the "
                                "place named: name the devices.",
                                f"这还会改变{'、'.join(outside)}，不在所说的区域内：请说出设备名称。", prop.layer)
        why = self.direction_problem(utterance, prop) if prop.ok else None
        if why is not None:  # the gate's direction check on the whole ask, heading included, as for every ask
            return self._refuse(utterance, "unsupported", f"That would go the wrong way ({why}). Say the target value.",
                                f"这会朝相反方向改变（{why}）。请说出目标值。", prop.layer)
        return prop

    def _amount_clauses(self, utterance: str) -> str:
        """办公室百叶窗放下来，全部关上 → 办公室百叶窗放下来完全关上: a clause that is only 全部/全/都 + a verb, after a clause about a
        device or a kind (not only a place), is how far THAT device goes, never "everything" (held-out 14 had
        switched off every device of the plant).  全部关掉 alone, 一号线，全部停下来 and 把那里的东西都关掉 keep their
        every-device reading; English "everything" is a noun and stays one ("all the way" already is an amount).
        Returns the ask unchanged when no clause is such an amount."""
        text = normalize(utterance or "")
        if not CJK.search(text):
            return utterance
        parts = split_clauses(text)
        out, pos, changed = text, 0, False
        for prev, part in zip(parts, parts[1:]):
            m = _ALL_AMOUNT_ZH.match(part)
            rest = part[m.end():] if m else ""
            if not m or _ALL_WHAT_ZH.search(rest):
                continue
            r = read(rest, self.rules.vocab)
            if r.mentions or not r.actions:
                continue
            pr = read(prev, self.rules.vocab)
            refers = self._refers(prev)
            zones = {k for mn in pr.mentions if mn.kind == "zone" for k in mn.keys}
            if not refers or (not any(mn.kind in ("device", "kind") for mn in pr.mentions)
                              and refers == {d.id for d in self.metas if d.zone in zones}):
                continue  # 一号线，全部停下来: the place's every device
            j = out.find(prev, pos)
            i = out.find(part, j + len(prev)) if j >= 0 else -1
            if i < 0:
                continue
            # joined to its clause (办公室百叶窗放下来完全关上): its devices only, never a clause of its own
            out = out[:j + len(prev)] + "完全" + rest + out[i + len(part):]
            pos, changed = j + len(prev), True
        return out if changed else utterance

    def _place_list(self, utterance: str) -> Proposal | None:
        """"the Line A and Line B conveyors", "A线和B线的传送带", "两条线的传送带": that kind's devices in each place
        listed (place_lists.py), read from the rewritten ask; a listed place without one refuses the whole ask,
        and a reading that misses a listed place's device or adds one of that kind elsewhere is refused too."""
        t0 = time.perf_counter()
        pl = self.place_lists.expand(utterance)
        if pl.kind is None:
            return None
        if pl.missing:
            en = ", ".join(self.aliases.zone_name(z, "en") for z in pl.missing)
            zh = "、".join(self.aliases.zone_name(z, "zh") for z in pl.missing)
            out = self._refuse(utterance, UNKNOWN_DEVICE, f"No {pl.noun} in {en}: name the device.",
                               f"{zh}没有{pl.noun}：请说出设备名称。", SEMANTICS)
            return replace(out, timing_ms={"total": round(_ms(t0), 3)})
        prop = self._opened_to(pl.text, self._understand_clauses(pl.text))
        if not prop.ok:
            return replace(prop, utterance=utterance)
        want = {m.id for m in self.metas if m.kind == pl.kind and m.zone in pl.zones}
        got = {c.device_id for c in prop.commands}
        stray = {i for i in got if i in self.by_id and self.by_id[i].kind == pl.kind and i not in want}
        if not want <= got or stray:
            return self._refuse(utterance, UNKNOWN_DEVICE, "I could not tell which devices of the places listed "
                                "are meant: name each device.", "无法确定所列地点中指的是哪些设备：请逐一说出设备名称。",
                                SEMANTICS)
        out = self._relabel(utterance, prop, prop.layer, model=False)
        return replace(out, timing_ms=prop.timing_ms)

    def _keep_out(self, utterance: str) -> Proposal | None:
        """"下班了，把楼锁好，别让外人进来", "lock up, don't let anyone in": a trailing negated purpose (keep people
        out, screening.KEEP_OUT) read without that clause, kept only when the rest locks something and unlocks
        nothing (开锁，别让外人进来 stays refused); every gate is passed again on the whole ask."""
        text = normalize(utterance or "")
        said = keep_out_purpose(text)
        rest = text[:len(text) - len(said)].strip(" ,，;；") if said else ""
        lead = None if rest else lead_keep_out(text)  # 外人别进来，把楼锁上: the purpose first (keep_out_lead.py)
        if lead is not None:
            rest = text[len(lead):].strip()
        if not rest:
            return None
        prop = self._opened_to(rest, self._understand_clauses(rest))
        if not prop.ok or not any(c.params.get("locked") is True for c in prop.commands) \
                or any(c.params.get("locked") is False for c in prop.commands):
            return None
        out = self._gate(utterance, self._relabel(utterance, prop, prop.layer))
        return replace(out, timing_ms=prop.timing_ms) if out.ok else None

    def _understand_clauses(self, utterance: str) -> Proposal:
        """Read the whole ask; when it has several clauses, also each clause on its own (clauses.py):
        every clause resolves, or the whole ask is refused naming the part that was not understood."""
        t0 = time.perf_counter()
        if len(utterance) > MAX_CHARS:  # refused before any reading (a 200 kB paste took 90 s to refuse)
            return self._understand_one(utterance[:MAX_CHARS + 1])
        excepted = self._excepting(utterance)
        if excepted is not None:  # "every lamp except the floodlight": the ask proper, less the excepted devices
            return excepted
        whole = self._understand_one(utterance)
        if whole.refusal is not None and whole.refusal.kind == "unsupported" and self._may_retry(utterance):
            whole = self._shared_verb(utterance) or whole
        if whole.refusal is not None and self._may_retry(utterance):
            seq = self._then_parts(utterance)  # "turn off the lamps, then lock the door" (then_parts.py)
            if seq is not None:
                return seq
        parts = split_clauses(utterance)
        spaced = split_spaced(utterance)
        if len(spaced) > len(parts) and (not whole.ok or self._loses_part(whole, [p for p in spaced if p not in parts])):
            parts = spaced  # 二号线停产 冷却水也停: a part after a space the whole reading lost or could not tell apart
            # (二号线停产 蒸汽也关: a tie as one clause); read as if a comma stood there (clauses.split_spaced)
        if len(parts) < 2:
            return self._scope_gate(utterance, whole)
        out = self._scope_gate(utterance, self._by_clause(utterance, whole, parts))
        if out is whole:
            return whole
        timing = dict(whole.timing_ms or {})
        timing["clauses"] = round(_ms(t0) - timing.get("total", 0.0), 3)
        timing["total"] = round(_ms(t0), 3)
        return replace(out, timing_ms=timing)

    def _then_parts(self, utterance: str) -> Proposal | None:
        """"X, then Y" (then_parts.py): each part read as an ask of its own, proposed together when every part
        resolves and no two disagree about a device; None otherwise (the ask is read as before)."""
        parts = then_parts(normalize(utterance or ""))
        if len(parts) < 2:
            return None
        read_parts = [(p, self.understand(p)) for p in parts]  # every rule of an ask, each part
        for clause, p in read_parts:  # a part whose own devices cannot take its verb: never done without it
            if p.refusal is not None and p.refusal.kind in ("unsupported", OUT_OF_RANGE, "read_only") \
                    and self._refers(clause) and self._may_retry(clause):
                return self._refuse(utterance, p.refusal.kind, f"In '{clause}': {p.refusal.reason}",
                                    f"“{clause}”：{p.refusal.reason}")
        if not all(p.ok for _, p in read_parts):
            return None
        out = self._merged(utterance, None, [(c, p, True) for c, p in read_parts])
        return self._scope_gate(utterance, out) if out is not None and out.ok else None

    def _loses_part(self, whole: Proposal, pieces: list[str]) -> bool:
        """Does the whole reading lose one of these pieces (parts of the ask between spaces)?  A piece read alone to a
        device the whole lacks, or one that fails alone and the whole does not carry; chatter is no part."""
        if not whole.ok:
            return False
        have = {c.device_id for c in whole.commands}
        placed = [v for c in whole.commands for v in c.params.values()]
        for piece in pieces:
            if is_chatter(piece, self._refers(piece)):
                continue
            p = self._understand_one(piece)
            if p.ok and {c.device_id for c in p.commands} - have:
                return True
            if not p.ok and not self._covered(piece, have, placed):
                return True
        return False

    def _excepting(self, utterance: str) -> Proposal | None:
        """"Turn on every lamp except the warehouse floodlight", 把所有灯都关掉，除了办公室台灯 (excepting.py): the ask
        proper read as any ask, minus the excepted devices; refused when the exception is no list of devices, names
        nothing of the set, or all of it.  None when the ask says no exception (or a negation says "but not")."""
        text = normalize(utterance or "")
        cut = others_exception(text) or split_exception(text)  # 除了台灯，其他灯全部打开 (others_zh.py)
        soft = cut is None  # "all conveyors but the B one": an exception only where "but" is followed by devices
        cut = cut or bare_but(text)
        if cut is None:
            return None
        ask, but = cut
        if re.search(r"(?<![a-z])(?:not|don'?t|never)(?![a-z])|不要|别", ask):
            return None  # a negation stays refused as a whole
        gone = self.absent_ordinals.absent(but) or self.ordinals.unresolved(but)
        if gone is not None:  # 除了三号传送带 (two conveyors): an exception the fleet lacks, never its whole kind
            return self._refuse(utterance, UNKNOWN_DEVICE,
                                f"The exception '{gone}' names no device of this fleet: name the devices that should "
                                "not change (e.g. \"every lamp except the warehouse floodlight\").",
                                f"“{gone}”不是这个设备群中的设备：请说出不要改变的设备（例如“除了仓库的灯，把灯都关掉”）。")
        prop = self.understand(ask)
        if prop.refusal is not None:
            return None if soft else replace(prop, utterance=utterance)
        by_id = {m.id: m for m in self.metas}
        kinds = dict.fromkeys(by_id[c.device_id].kind for c in prop.commands if c.device_id in by_id)
        words = [w for k in kinds if k for w in [k] + list(self.aliases.kinds.get(k, {}).get("en", ()))]
        ids, bad = excepted_ids(but, self.rules.vocab, self.metas, words,  # 除了一号传送带: its number (ordinals.py)
                                lambda text: self._zone_numbers(self.ordinals.rewrite(text)))
        have = {c.device_id for c in prop.commands}
        if soft and (bad is not None or not ids & have or not have - ids):
            return None
        if bad is not None:
            return self._refuse(utterance, UNKNOWN_DEVICE,
                                f"The exception '{bad}' names no device of this fleet: name the devices that should "
                                "not change (e.g. \"every lamp except the warehouse floodlight\").",
                                f"“{bad}”不是这个设备群中的设备：请说出不要改变的设备（例如“除了仓库的灯，把灯都关掉”）。")
        if not ids & have:
            return self._refuse(utterance, UNKNOWN_DEVICE,
                                f"The exception '{but}' names nothing the ask would change: name the devices again.",
                                f"“{but}”不在要改变的设备之中：请重新说出设备。")
        kept = tuple(c for c in prop.commands if c.device_id not in ids)
        if not kept:
            return self._refuse(utterance, NOTHING_ACTIONABLE,
                                f"The exception '{but}' leaves nothing to change: name the devices that should change.",
                                f"除了“{but}”就没有要改变的设备了：请说出要改变的设备。")
        return replace(prop, utterance=utterance, commands=kept)

    def _by_clause(self, utterance: str, whole: Proposal, parts: list[str]) -> Proposal:
        """The whole reading checked against each clause's own reading (see clauses.py for the rules)."""
        if whole.refusal is not None and not self._may_retry(utterance):
            return whole  # a negation, condition, question, relative ask: refused as a whole, never split
        read_parts: list[tuple[str, Proposal]] = []
        zones = self._bounding_zones(utterance)
        for clause in parts:
            if is_chatter(clause, self._refers(clause)):
                continue  # "we're heading out", 我们下班了: says nothing to do
            read_parts.append((clause, self._in_places(clause, self._understand_one(clause), zones)))
        if not read_parts:
            return whole
        read_parts = self._it_places(utterance, read_parts)
        read_parts = self._joined_failures(read_parts, zones)
        kept = self._purposes(read_parts, whole)
        whole = drop_purpose_picks(whole, read_parts, kept)  # the whole ask's pick of a purpose clause goes too
        read_parts = kept
        failed = [(c, p) for c, p in read_parts if p.refusal is not None]
        for clause, p in failed:
            way = self._unread_way(clause)
            if way is not None:  # own_way.py: "blinds up, lights off" had closed the blinds with the lamps' "off"
                return self._refuse(
                    utterance, p.refusal.kind if p.refusal is not None else NOTHING_ACTIONABLE,
                    f"In '{clause.strip()}': I cannot tell which way '{way}' means, and it must not take the way of "
                    "another part of the ask; nothing was proposed. Say it with a verb (e.g. \"open the blinds\").",
                    f"“{clause.strip()}”：无法确定“{way}”是哪个方向，也不能沿用其他部分的方向；没有给出任何指令。"
                    "请用动词说明（例如“把窗帘拉开”）。", RULES)
        if failed and len(failed) < len(read_parts):
            # a situation ("last one out", "cant see a thing", "office too hot", "crew waiting outside"): says no
            # change, and is about nothing but what the clauses that resolved already change → chatter
            done = {c.device_id for _, p in read_parts if p.ok for c in p.commands}
            situations = [(c, p) for c, p in failed if self._situation(c, done)]
            if situations:
                read_parts = [(c, p) for c, p in read_parts if (c, p) not in situations]
                failed = [(c, p) for c, p in failed if (c, p) not in situations]
                if whole.refusal is not None and not failed:
                    return self._merged(utterance, None, [(c, p, True) for c, p in read_parts]) or whole
        if whole.refusal is not None:
            if failed:
                return whole
            return self._merged(utterance, None, [(c, p, True) for c, p in read_parts]) or whole
        if not failed:
            whole = self._bound_by_clause(whole, read_parts)
        have = {c.device_id for c in whole.commands}
        placed = [v for c in whole.commands for v in c.params.values()]
        for clause, p in failed:
            assert p.refusal is not None
            at = bare_at_hour(normalize(clause))
            if at is not None:  # hour_or_value.py: "open the blinds at 6 and …": a time or a value, never lent
                return self._refuse(
                    utterance, p.refusal.kind,
                    f"In '{clause.strip()}': '{at}' could be a time or a value: schedules are not supported; for a "
                    "value say it with its unit (e.g. \"to 60 %\").",
                    f"“{clause.strip()}”：“{at}”可能是时间也可能是数值：不支持定时；如果是数值，请带上单位（例如“60%”）。", RULES)
            if p.refusal.kind == AMBIGUOUS and len(read_parts) > 1:  # lent_values.py: "dim the lamp to 40% and
                others = {d.device_id for c, q in read_parts if c != clause and q.ok for d in q.commands}  # switch
                if lent_to(clause_values(read(normalize(clause), self.rules.vocab)), whole.commands, others):  # off …"
                    return self._refuse(utterance, AMBIGUOUS, f"In '{clause.strip()}': {p.refusal.reason}",
                                        f"“{clause.strip()}”：{p.refusal.reason}", RULES)
            if not self._covered(clause, have, placed):
                return self._refuse(
                    utterance, p.refusal.kind,
                    f"I could not understand '{clause.strip()}' ({p.refusal.reason}); nothing was proposed, so that "
                    "no part is done without the rest. Say that part again, or ask for each change on its own.",
                    f"没有理解“{clause.strip()}”（{p.refusal.reason}）；为免只做一部分，没有给出任何指令。"
                    "请重说这一部分，或者分开提出每项更改。", RULES)
        # a clause about what the whole reading already did ("…, can't see a thing": a lamp) adds no other device
        # (its own reading may be a tie the model broke); one about something else adds what it found, and so does
        # one whose own reading (rules or semantics, no model) is a device no other part has ("把仓库照亮，同时警告大家":
        # the warehouse lamp, though 仓库 also names the siren the whole reading found)
        others = {(c, d.device_id) for c, p in read_parts if p.ok for d in p.commands}
        merged = []
        for c, p in read_parts:
            if not p.ok:
                continue
            place = self._place_verb_part(c, p, have, others)
            if place is not None:
                merged.append((c, place, True))
                continue
            merged.append((c, p, not self._refers(c) & have or (
                not failed and bool(p.commands) and not any(d.picked_by_model for d in p.commands)
                and not any(d.device_id in have or any(dev == d.device_id and cl != c for cl, dev in others)
                            for d in p.commands))))
        return self._merged(utterance, whole, merged) or whole

    def _place_verb_part(self, clause: str, p: Proposal, have: set[str], others: set[tuple[str, str]]
                         ) -> Proposal | None:
        """"stop line 2, and the coolant", "stop everything on line 2 but keep the coolant running": a clause with a
        verb of its own over a place alone (no device or kind named) whose own reading (no model) has devices the
        whole reading lacks: its reading less the devices another clause reads (that clause names them: its word
        wins), to be added; never dropped because the whole reading has one of them (session 8: conveyor B had been
        dropped, the whole ask read as the coolant alone).  None when that is not so (the caller's rule applies)."""
        if not p.commands or any(d.picked_by_model for d in p.commands):
            return None
        r = read(normalize(clause), self.rules.vocab)
        if not r.actions or not any(mn.kind == "zone" for mn in r.mentions) \
                or any(mn.kind not in ("zone", "any") for mn in r.mentions):
            return None
        elsewhere = {dev for cl, dev in others if cl != clause}
        kept = tuple(d for d in p.commands if d.device_id not in elsewhere)
        if not {d.device_id for d in kept} - have:
            return None
        return replace(p, commands=kept)

    def _it_places(self, utterance: str, read_parts: list[tuple[str, Proposal]]) -> list[tuple[str, Proposal]]:
        """"Shut out the sun in the office and cool it to 21 degrees": a clause that fails alone, names nothing and
        says "it" is read with the one place the ask names in place of "it" (pronoun_place.py), kept only where it
        is about devices of kinds no other clause resolved to (its "it" is then no device of those clauses)."""
        zones = self._zones_named(utterance)  # the place named, even in a clause that acts there on its own
        if len(zones) != 1 or len(read_parts) < 2 or CJK.search(utterance):
            return read_parts
        zone = next(iter(zones))
        out = list(read_parts)
        verbs = [v for k, km in self.meaning.kinds.items() for v in km.up + km.down
                 if v not in self.generic_verbs.get(k, ())]
        for i, (clause, p) in enumerate(read_parts):
            if p.ok or self._zones_named(clause) or self._names_what(own_verbs_blanked(
                    move_particles(normalize(clause)), verbs)):  # "light it up": a verb, no lamp named
                continue
            text = it_as_place(normalize(clause), "the " + zone.replace("-", " "))
            if text is None:
                continue
            # the clause's own words name one kind: a value only it has ("cool"), or a thing it does ("warm it
            # up"); never a bare switch or a generic verb ("turn it off", "open it": what "it" is stays unsaid)
            r = read(normalize(clause), self.rules.vocab)
            said = {self.by_id[h].kind if h in self.by_id else h for e in r.enums
                    for h in self.rules.vocab.enum_holders.get(e, ())} & self.kind_words.keys()
            said |= {h.kind for h in score_kinds(normalize(clause), self.meaning, self.kind_words,
                                                 set(self.kind_words)) if h.things}
            said |= {k for k in self.kind_words if k in self.meaning.kinds and says_own_verb(  # "light it up": its
                self.meaning.kinds[k], self.generic_verbs.get(k, ()), move_particles(normalize(clause)))}  # own verb
            if len(said) != 1:
                continue
            q = self._in_places(text, self._understand_one(text), zones)
            others = {self.by_id[d.device_id].kind for j, (_, o) in enumerate(read_parts) if j != i and o.ok
                      for d in o.commands}
            if not q.ok or any(self.by_id[d.device_id].kind in others or self.by_id[d.device_id].kind not in said
                               or self.by_id[d.device_id].zone != zone for d in q.commands):
                continue
            q = self._relative_target(clause, replace(q, utterance=clause))  # "cool it to 21": the setpoint only
            out[i] = (clause, q)
        return out

    def _bound_by_clause(self, whole: Proposal, read_parts: list[tuple[str, Proposal]]) -> Proposal:
        """"Stop moving product on line A and cut the steam on line B": a place named in one clause binds only that
        clause's devices.  A device of the whole reading that no clause's own reading has, in a place that only
        clauses which resolved without it name, is dropped (conveyor B: line B's clause cuts the steam only).
        A device in a place no clause names ("stop everything and …") stays; nothing is ever added here."""
        if len(read_parts) < 2 or not all(p.ok for _, p in read_parts):
            return whole
        own = {c.device_id for _, p in read_parts for c in p.commands}
        named = [(self._zones_named(clause), {self.by_id[c.device_id].kind for c in p.commands})
                 for clause, p in read_parts]

        def stray(dev: str) -> bool:  # a kind one clause asked for, in a place only another clause names
            meta = self.by_id[dev]
            return dev not in own and any(meta.zone in zones for zones, _ in named) and any(
                meta.kind in kinds and meta.zone not in zones for zones, kinds in named)

        kept = tuple(c for c in whole.commands if not stray(c.device_id))
        whole = replace(whole, commands=kept) if kept and len(kept) < len(whole.commands) else whole
        return self._params_by_clause(whole, read_parts)

    def _params_by_clause(self, whole: Proposal, read_parts: list[tuple[str, Proposal]]) -> Proposal:
        """"办公室顶灯调到百分之五十，台灯关掉", "warm the office to 23 and let the sunlight in": a device a clause's own
        reading has (by the rules or the semantics, not the model) gets only what its own clauses say: the whole
        reading's value for a setting its clauses set is theirs (blinds 100, not the 23 of the AC's clause), and a
        setting they do not say is dropped (the ceiling lamp is not switched off by the desk lamp's 关掉, nor by the
        "close" of "… and close the office blinds").  A clause the model read binds too (purpose_picks.py)."""
        mine: dict[str, dict[str, Any]] = {}
        voiced: set[str] = set()  # devices one of whose clauses has its own verb, direction or number
        for clause, p in read_parts:
            r = read(normalize(clause), self.rules.vocab)
            own_verb = bool(r.actions or r.numbers or r.loose_numbers or self._clause_ways(clause))
            for c in p.commands:
                if own_verb:
                    voiced.add(c.device_id)
                for k, v in c.params.items():
                    if k in mine.setdefault(c.device_id, {}) and not _same(mine[c.device_id][k], v):
                        return whole  # two clauses disagree about one device: the whole reading (and its gates)
                    mine[c.device_id][k] = v
        if guessed_clash(read_parts, lambda cl: self._semantic(cl) + self._ties(normalize(cl)), _same):
            return whole  # 阳光太刺眼了，办公室遮一半: no model pick decides the blinds' value (guessed_clashes.py)
        carried = shared_switch(self, read_parts, mine)  # "start conveyor a at 30 and conveyor b at 40": b starts too
        # its own clauses' settings only ("close the blinds" closes no lamp); a device no clause has stays as read
        # "turn on the floodlight and also the yard siren, steady tone": a clause with no verb of its own shares the
        # verb of the ask, so the whole reading's settings stay there, less those another clause sets
        others = {dev: {k for d, ps in mine.items() if d != dev for k in ps} for dev in mine}
        # (nothing is added here: a situation clause's reading, 一号线有烟味 → the fan on, adds no setting)
        chosen: dict[str, dict[str, Any]] = {}
        for c in whole.commands:
            own = mine.get(c.device_id)
            if own is None:
                chosen[c.device_id] = dict(c.params)
            elif c.device_id in voiced:
                chosen[c.device_id] = {k: v for k, v in own.items()
                                       if k in c.params or (c.device_id, k) in carried} or dict(own)
            else:
                chosen[c.device_id] = {k: own.get(k, v) for k, v in c.params.items() if k not in others[c.device_id]}
        if all(chosen[c.device_id] == dict(c.params) for c in whole.commands):
            return whole
        picked = {c.device_id for c in whole.commands if c.picked_by_model}
        lost_to_model_clauses(whole, read_parts, chosen, picked)  # "dim the lamp to 40% and …": the model's lamp
        out = build_proposal(whole.utterance, _lang(whole.utterance), chosen, picked, by_id=self.by_id,
                             aliases=self.aliases, max_commands=self.max_commands)
        # refused, never the leaking reading
        return self._gate(whole.utterance, replace(out, layer=MODEL if picked else whole.layer))

    def _purposes(self, read_parts: list[tuple[str, Proposal]], whole: Proposal) -> list[tuple[str, Proposal]]:
        """"The delivery crew is at the door, let them in", 给厂区开锁，让大家进来: a clause the model resolved (or that
        stays "which one?" / nothing without a model) one of whose legal readings is exactly what the rest of the ask
        already does (by the rules or the semantics) is that change's purpose, not a second ask; the model's pick
        there (the blinds, for "let them in") is dropped.  A clause whose readings are all about other devices, or
        go against what is done ("lock the door and let them in"), stays a part of its own."""
        def guessed(p: Proposal) -> bool:  # the model's pick, or "which one?" / nothing read (no model loaded)
            return any(c.picked_by_model for c in p.commands) if p.ok else \
                p.refusal is not None and p.refusal.kind in (AMBIGUOUS, NOTHING_ACTIONABLE)

        if not any(guessed(p) for _, p in read_parts):
            return read_parts
        done: dict[str, dict[str, Any]] = {}
        for q in ([whole] if whole.ok else []) + [p for _, p in read_parts if p.ok]:
            for c in q.commands:
                if not c.picked_by_model:
                    done.setdefault(c.device_id, {}).update(c.params)

        def agrees(q: Proposal) -> bool:  # a reading of the clause that is what the ask already does
            return q.ok and bool(q.commands) and all(
                c.device_id in done and all(_same(v, done[c.device_id].get(k)) for k, v in c.params.items())
                for c in q.commands)

        out = []
        for clause, p in read_parts:
            if guessed(p) and done and len(read_parts) > 1 and not self._states_value(clause):
                alts = self._semantic(clause) + self._ties(normalize(clause))
                if any(agrees(q) for q in alts):  # "lock the door and let them in" is no purpose: it stays
                    log.info("clause %r is the purpose of what the ask already does: the model's pick dropped", clause)
                    continue
            out.append((clause, p))
        return out

    def _states_value(self, clause: str) -> bool:
        """"dim the lamp to 40%": a clause with its own value is a change of its own, never another's purpose."""
        r = read(normalize(clause), self.rules.vocab)
        return bool(r.numbers or r.enums)

    def _merged(self, utterance: str, whole: Proposal | None,
                parts: list[tuple[str, Proposal, bool]]) -> Proposal | None:
        """The whole reading with each clause's own reading laid over it: a clause's value wins where the
        whole reading has another for that device ("floodlight off and sound the siren": "off" binds to the
        floodlight), a device only a clause found is added (the dropped part); None when two clauses
        disagree about one device, or nothing changes.  ``whole`` None: the clauses alone."""
        chosen: dict[str, dict[str, Any]] = {}
        picked: set[str] = set()
        if whole is not None:
            for c in whole.commands:
                chosen[c.device_id] = dict(c.params)
                if c.picked_by_model:
                    picked.add(c.device_id)
        own: dict[str, dict[str, Any]] = {}
        ways: dict[str, set[str]] = {}
        locks: dict[str, set[str]] = {}
        for clause, p, may_add in parts:
            for c in p.commands:
                if not may_add and c.device_id not in chosen:
                    continue
                ways.setdefault(c.device_id, set()).update(self._clause_ways(clause))
                if "locked" in c.params:
                    locks.setdefault(c.device_id, set()).update(self._lock_ways_of(clause))
                mine = own.setdefault(c.device_id, {})
                if any(k in mine and mine[k] != v for k, v in c.params.items()):
                    return None  # two clauses say different things about one device: the whole reading stands
                mine.update(c.params)
                if c.picked_by_model:
                    picked.add(c.device_id)
        for dev, params in own.items():
            if dev in chosen:  # a clause's value wins where the whole reading goes against the clause's own
                meta = self.by_id[dev]  # direction ("off" of "floodlight off"); it adds no new change
                chosen[dev].update({k: v for k, v in params.items() if k in chosen[dev] and chosen[dev][k] != v
                                    and (violation(meta, {k: chosen[dev][k]}, ways.get(dev, set())) is not None
                                         or (bool(locks.get(dev)) and lock_violation(meta, {k: chosen[dev][k]},
                                                                                     locks[dev]) is not None))})
            else:  # a device only a clause found: the part the whole reading dropped
                chosen[dev] = dict(params)
        if whole is not None and {c.device_id: dict(c.params) for c in whole.commands} == chosen:
            return None
        layers = {p.layer for _, p, _ in parts} | ({whole.layer} if whole is not None and whole.ok else set())
        layer = MODEL if picked or MODEL in layers else SEMANTICS if SEMANTICS in layers else RULES
        lang = _lang(utterance)
        out = build_proposal(utterance, lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return self._gate(utterance, replace(out, layer=layer))

    def _shared_verb(self, utterance: str) -> Proposal | None:
        """"Turn on the warehouse floodlight and also the yard siren, steady tone": one verb for several devices
        named in turn, each with its own values; the whole reading gave every value to every device (the
        floodlight has no 'steady').  Each named device is read with the verb and the words up to the next
        device's name: the value belongs to the device named before it.  None unless every part resolves."""
        text = normalize(utterance or "")
        r = read(text, self.rules.vocab)
        devs = sorted((mn for mn in r.mentions if mn.kind == "device"), key=lambda mn: mn.start)
        if len(devs) < 2 or any(mn.kind != "device" for mn in r.mentions) or not r.actions:
            return None
        lead = text[:devs[0].start]
        if not read(lead, self.rules.vocab).actions:
            return None
        chosen: dict[str, dict[str, Any]] = {}
        for i, mn in enumerate(devs):
            seg = text[mn.start:devs[i + 1].start if i + 1 < len(devs) else len(text)]
            seg = re.sub(r"[\s,;，；]*(?:(?:and\s+also|and|also|plus|as\s+well\s+as)\s*)?(?:the\s*)?$", "", seg)
            if read(seg, self.rules.vocab).actions:
                return None  # a part with its own verb: the clause pass reads it
            p = self.rules.parse(lead + seg)
            if not p.ok or len(p.commands) != 1 or p.commands[0].device_id in chosen:
                return None
            chosen[p.commands[0].device_id] = dict(p.commands[0].params)
        out = build_proposal(utterance, _lang(utterance), chosen, set(), by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        out = self._gate(utterance, replace(out, layer=RULES))
        return out if out.ok else None

    # -- scope: a place named anywhere in the ask bounds "everything" ----------------------------------
    def _zones_named(self, text: str) -> set[str]:
        """The zones an ask (or a clause) names: by name, "line 2", "the second line"."""
        return set(self._zones_cached(normalize(text or ""))[0])

    def _bounding_zones(self, utterance: str) -> set[str]:
        """The places that bound the clauses naming none: those the ask names, less a place only named inside a
        clause that acts on its own devices there ("Air out line A and close off the steam": line A is where the
        airing happens, not where the steam is; "Line one, stop everything", "the warehouse is dark, let the
        sunlight in" still bound the other clause: their place clause does nothing of its own)."""
        zones = self._zones_named(utterance)
        parts = split_clauses(utterance) if zones else []
        if len(parts) < 2 or all(self._zones_named(c) or self._names_what(c) for c in parts):
            return zones  # no clause that a place named elsewhere would bound
        owned: set[str] = set()
        other: set[str] = set()
        also = joined_by_also(normalize(utterance))  # 仓库太暗了，顺便把蒸汽切断: an errand of its own (also_asks.py)
        for clause in parts:
            here = self._zones_named(clause)
            if here:
                (owned if self._owns_place(normalize(clause)) or (also and self._resolves_in(clause, here))
                 else other).update(here)
        return zones - (owned - other)

    def _resolves_in(self, clause: str, here: set[str]) -> bool:
        """Does ``clause`` alone resolve to devices all in ``here`` (仓库太暗了 → the warehouse lamp)?"""
        p = self._understand_one(clause)
        return p.ok and bool(p.commands) and all(self.by_id[c.device_id].zone in here for c in p.commands)

    def _owns_place(self, clause: str) -> bool:
        """Does a clause act on its own (a verb: the rules' or its kind's up/down word) and resolve, alone, to
        devices all in the places it names?  Not cached: the reading's gate may use the devices' current values."""
        r = read(clause, self.rules.vocab)
        if r.quantified or any(mn.kind == "any" for mn in r.mentions):
            return False  # "stop everything on line a, …": "everything" is what the scope is about
        work = list(clause)
        for mn in r.mentions:
            work[mn.start:mn.end] = " " * (mn.end - mn.start)
        hits = score_kinds("".join(work), self.meaning, self.kind_words, {m.kind for m in self.metas})
        if not r.actions and not any(h.direction for h in hits) \
                and not (_WANT.search(clause) and (any(h.things for h in hits)
                                                   or any(mn.kind in ("device", "kind") for mn in r.mentions))):
            return False  # "the warehouse is dark", "line one": a situation or a place, nothing done
        # ("we need light in the warehouse and the coolant going": wanting a thing there acts there, session 9)
        p = self._understand_one(clause)
        here = self._zones_named(clause)
        return p.ok and bool(p.commands) and all(self.by_id[c.device_id].zone in here for c in p.commands)

    def _devices_named(self, text: str) -> set[str]:
        """The device ids ``text`` names by name (ordinal names read as names)."""
        r = read(self._zone_numbers(self.ordinals.rewrite(normalize(text))), self.rules.vocab)
        return {k for mn in r.mentions if mn.kind == "device" for k in mn.keys[:1]}

    def _names_place_or_device(self, text: str) -> bool:
        """Does ``text`` name a device, kind or place of the fleet (its words or the devices it is about)?"""
        return bool(read(normalize(text), self.rules.vocab).mentions or self._refers(text))

    def _place_only(self, text: str) -> bool:
        """Does ``text`` name a place of the fleet and no device or kind ("the office", not "the office AC")?"""
        kinds = {mn.kind for mn in read(normalize(text), self.rules.vocab).mentions}
        return "zone" in kinds and not kinds & {"device", "kind", "any"}

    def _names_any(self, text: str) -> bool:
        """Does ``text`` name a device, kind or place of the fleet, or say a word of its semantics?"""
        return bool(read(normalize(text), self.rules.vocab).mentions or self._refers(text)
                    or any(w in self.semantic_words and w not in STOPWORDS for w in re.findall(r"[a-z]+", text)))

    def _names_what(self, clause: str) -> bool:
        """Does a clause name a device or a kind of its own ("the pump", "the yard siren")?  What a device
        does is no name here: "the warehouse is dark, let the sunlight in" never opens the office blinds."""
        return self._zones_cached(normalize(clause or ""))[1]

    def _zones_now(self, base: str) -> tuple[frozenset[str], bool]:
        r = read(base, self.rules.vocab)
        out = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        wider = self._zone_numbers(self.ordinals.rewrite(base))
        if wider != base:
            out |= {k for mn in read(wider, self.rules.vocab).mentions if mn.kind == "zone" for k in mn.keys}
        return frozenset(out), any(mn.kind in ("device", "kind") for mn in r.mentions)

    def _in_places(self, clause: str, prop: Proposal, zones: set[str]) -> Proposal:
        """"Line one, stop everything", "… warehouse zone, switch off everything there": a clause that names
        no place, device or kind is about the place the ask named elsewhere; never the rest of the fleet."""
        if not zones or not prop.ok or self._zones_named(clause) or self._names_what(clause):
            return prop
        keep = {c.device_id: dict(c.params) for c in prop.commands if self.by_id[c.device_id].zone in zones}
        if len(keep) == len(prop.commands):
            return prop
        if not keep and names_site(normalize(clause)) and {c.device_id for c in prop.commands} <= self._refers(clause):
            return prop  # "lights out in the warehouse, and lock up the building": the site's lock (site_words.py)
        if not keep:
            return self._refuse(clause, UNKNOWN_DEVICE, "Nothing in the place named does that: name the device.",
                                "所说的地方没有能做这件事的设备：请说出设备名称。", prop.layer)
        picked = {c.device_id for c in prop.commands if c.picked_by_model and c.device_id in keep}
        out = build_proposal(clause, _lang(clause), keep, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return replace(out, layer=prop.layer)

    def _scope_gate(self, utterance: str, prop: Proposal) -> Proposal:
        """The safety net for scope: an ask that names a place proposes nothing outside it, except a device a
        clause names itself (by name or kind: "… and start the pump") or of another place named."""
        if not prop.ok:
            return prop
        zones = self._bounding_zones(utterance)
        if not zones:
            return prop
        allowed: set[str] = set()
        for clause in split_clauses(utterance):
            if self._names_what(clause) or self._zones_named(clause) or names_site(normalize(clause)):
                allowed |= self._refers(clause)
        outside = [c for c in prop.commands if self.by_id[c.device_id].zone not in zones
                   and c.device_id not in allowed]
        if not outside:
            return prop
        log.warning("scope gate refused %r: %s outside %s", utterance, [c.device_id for c in outside], zones)
        names = ", ".join(c.device_name for c in outside)
        return self._refuse(utterance, "unsupported",
                            f"That would also change {names}, outside the place named: name the devices.",
                            f"这会同时改变所说地方以外的设备（{names}）：请说出设备名称。", prop.layer)

    def _joined_failures(self, read_parts: list[tuple[str, Proposal]], zones: Any) -> list[tuple[str, Proposal]]:
        """Two neighbouring clauses that fail alone but resolve together ("office too hot, cool mode 22": the
        second says what, the first which device) are read as one clause; so is a failing value clause with the
        clause before it when together they resolve to that clause's devices ("start conveyor a, speed 50 rpm")."""
        out: list[tuple[str, Proposal]] = []
        for clause, prop in read_parts:
            if prop.refusal is not None and out:
                joined = f"{out[-1][0]}, {clause}"
                both = self._in_places(joined, self._understand_one(joined), zones)
                before = out[-1][1]
                # "start conveyor one, speed 50 rpm, …": a value clause with no device of its own belongs to
                # the device the clause before it resolved to (the same devices, nothing it said changed)
                r = read(normalize(clause), self.rules.vocab)
                value_only = bool(r.numbers or r.enums or r.hints) and not r.unknown_nouns and not r.mentions
                same = value_only and before.ok and both.ok and {c.device_id for c in both.commands} == \
                    {c.device_id for c in before.commands} and all(
                        all(_same(v, next(b for b in both.commands if b.device_id == c.device_id).params.get(k))
                            for k, v in c.params.items()) for c in before.commands)
                if both.ok and (before.refusal is not None or same):
                    out[-1] = (joined, both)
                    continue
                # "stop the conveyors on line a and line b": a bare place continues the clause before it; read
                # together they must keep what that clause did and add that place's devices (never a silent drop)
                if self._zones_named(clause) and not r.actions and not r.numbers and not r.enums \
                        and not r.unknown_nouns and before.ok:
                    listed = f"{out[-1][0]} and {clause}"
                    both = self._in_places(listed, self._understand_one(listed), zones)
                    got = {c.device_id: c.params for c in both.commands} if both.ok else {}
                    if both.ok and len(got) > len(before.commands) and all(
                            got.get(c.device_id) == c.params for c in before.commands):
                        out[-1] = (listed, both)
                        continue
                listed = self._listed_noun(out[-1][0], before, clause, r, zones)
                if listed is not None:  # "turn off the ceiling lamp and the desk lamp, then lock the main door"
                    out[-1] = listed
                    continue
            out.append((clause, prop))
        return out

    def _listed_noun(self, before_clause: str, before: Proposal, clause: str, r: Reading, zones: Any
                     ) -> tuple[str, Proposal] | None:
        """Held-out 33: "Turn off the ceiling lamp and the desk lamp, then lock the main door" was refused (the lamp
        'cannot be locked'): the whole reading gave "lock" to the lamps, and the clause pass cut "the desk lamp" off
        its verb at "and".  A clause that is only devices named (no verb, value or unknown word) continues the list
        of the clause before it: read together ("turn off the ceiling lamp and the desk lamp") they must keep what
        that clause did and give every device the clause names a command of the same kind; else None (the clause
        stays a failed part, refused as before).  The "then" / 然后 / 再 that follows ends the list's clause."""
        if not before.ok or r.actions or r.numbers or r.enums or r.hints or r.unknown_nouns or r.question \
                or r.unsupported is not None or not any(mn.kind in ("device", "kind") for mn in r.mentions) \
                or any(mn.kind == "any" for mn in r.mentions):
            return None
        listed = f"{before_clause} and {clause}" if not CJK.search(clause) else f"{before_clause}和{clause}"
        both = self._in_places(listed, self._understand_one(listed), zones)
        if not both.ok:
            return None
        got = {c.device_id: c.params for c in both.commands}
        said = self._refers(clause)
        if not said or not said <= set(got) or not all(got.get(c.device_id) == c.params for c in before.commands) \
                or set(got) - said - {c.device_id for c in before.commands}:
            return None
        return listed, both

    def _situation(self, clause: str, done: set[str]) -> bool:
        """A clause that asks for no change (no action, value or mode; no number) and is about no device other
        than ``done`` (those the rest of the ask changes): it says why, not what."""
        text = normalize(clause).strip(" .!?")
        if not text or re.search(r"\d", text) or spelled_number(text) is not None or guard(text) is not None:
            return False  # "…, twenty-two": a value, never a situation (bare_numbers.py)
        r = read(text, self.rules.vocab)
        if r.has_change or r.question or r.loose_numbers or r.unknown_units:
            return False
        if re.fullmatch(r"[a-z]", text) or any(mn.kind == "device" for mn in r.mentions):
            return False  # "stop conveyor a, b": a bare name is a part; "the pump," names a device
        if _CHANGE_ZH.search(text) or (_TERSE_ITEM.match(text) and not _COPULA.search(text)):
            return False  # 冷却水走起来, "steam on": a change asked for that nobody read, never a situation
        if any(mn.kind == "kind" and text[mn.end:].strip() in ("up", "down") for mn in r.mentions):
            return False  # "blinds up, unlock the main entrance": a terse ask, never a reason (it was dropped)
        first = re.match(r"(?:(?:please|and|also|then|now|just)\s+)*([a-z]+)", text)
        if first is not None and first.group(1) in _REQUESTS:
            return False  # "… and also fix the printer": an ask nobody can carry out, not a situation
        refs = self._refers(clause)
        if not refs and junk_part(text, r, self._noun_known):
            return False  # "office ac on, banana", 打开台灯，把那个修好: a part nobody understood (junk_parts.py)
        if refs <= done:
            return True
        # about other devices, but saying no way for them ("the building is on fire, sound the alarm": the lock's
        # "building"): skipping it drops nothing asked for, unless a kind there acts by itself ("it's dark in the
        # warehouse": a lamp's default is on)
        return not self._clause_ways(clause) and all(
            not getattr(self.meaning.kinds.get(self.by_id[d].kind), "default", None) for d in refs - done)

    def _unread_way(self, clause: str) -> str | None:
        """The unread way word of a failed clause about devices ("up" of "blinds up") that gives no direction the
        rules read: any way the whole reading gives those devices came from another clause."""
        text = normalize(clause).strip(" .!?")
        if guard(text) is not None or re.search(r"\d", text) or not self._refers(clause) \
                or self._clause_ways(clause):
            return None
        r = read(text, self.rules.vocab)
        if r.enums or r.numbers or r.loose_numbers or r.question:
            return None
        return own_unread_way(text, r)

    def _covered(self, clause: str, have: set[str], placed: Sequence[Any] = ()) -> bool:
        """Does the whole reading already carry this clause that fails alone ("and also the ceiling lamp",
        "set it to wail": its devices are among the whole's, and no word of it is left unknown)?"""
        if guard(normalize(clause)) is not None:
            return True  # "let more light in, to 70%": relative alone, the whole ask (which passed) gives the target
        refs = self._refers(clause)
        if refs:  # "it's too hot in the office" (, 20 degrees): the whole reading has the AC; and its number, if it
            # says one ("make the office 22" beside the blinds had been dropped: placed_values.py)
            return bool(refs & have) and numbers_placed(  # (a number naming a device is its name: "conveyor 1")
                self._zone_numbers(self.ordinals.rewrite(normalize(clause))), self.rules.vocab, placed)
        if lets_person_in(normalize(clause)):  # "let the staff in (and switch on the lights)": a person comes in by
            return any(people_enter(self.meaning.kinds[self.by_id[d].kind].up) for d in have  # the entrance, never
                       if d in self.by_id and self.by_id[d].kind in self.meaning.kinds)  # by the lamps: never dropped
        text = normalize(clause).strip(" .!?")
        if junk_part(text, read(text, self.rules.vocab), self._noun_known):
            return False  # 把那个修好, "banana": a part nobody understood, whatever characters it shares (junk_parts.py)
        text = spelled_number(text) or text  # "…, cool mode, twenty-two": the number the whole reading placed?
        if re.fullmatch(r"[a-z]", text):
            # "stop conveyor a and b": a bare letter is a name; covered only when the whole has it
            return any(re.search(rf"[-_ ]{re.escape(text)}$", d) for d in have)
        r = read(text, self.rules.vocab)
        if r.unknown_nouns:
            return False
        if r.numbers or r.enums or r.loose_numbers:
            # "say 20 degrees", "set it to wail": a value the whole reading placed; a value it did not place
            # ("…, switch to heating and make it 24" read as heat alone) is a part dropped: never silently
            values = [n.value for n in r.numbers if n.value is not None] + list(r.enums)
            values += [float(x) for x in r.loose_numbers if re.fullmatch(r"-?\d+(?:\.\d+)?", x)]
            return all(any(_same(v, p) for p in placed) for v in values)
        left = [w for w in r.leftover_words if w not in STOPWORDS and w not in FILLER and not self._semantic_word(w)]
        return not left  # "fix the printer": a part nobody understood

    def _clause_ways(self, clause: str) -> set[str]:
        """A clause's directions: its direction words, else its kinds' own up/down words with the names blanked
        ("air out line a": up for the fan; held-out 8 had switched the fan off under the next clause's "close")."""
        return set(self._ways_cached(normalize(clause or "")))

    def _ways_now(self, text: str) -> frozenset[str]:
        if negated_need(text):  # 一号线不用通风了: the need's noun (the fan's 通风) states no way (negated_reasons.py)
            return frozenset()
        if over_clause(self, text) is not None:  # "air on line a's clear now": a nuisance over asks for no way up
            return frozenset()  # (its kind word "air" is the fan's up word; symptom_over.py)
        said = direction_of(text)
        if said:
            return frozenset(said)
        kinds = frozenset(h.direction for h in self._kind_hits(text) if h.direction)
        if kinds:
            return kinds
        # else the verbs the rules act on ("把冷却水泵开起来": 开): a clause's own verb binds its own devices, never
        # the next clause's 关 (held-out 14: 关掉蒸汽阀，同时把冷却水泵开起来 was refused as the pump's opposite)
        acts = set(read(text, self.rules.vocab).actions)
        return frozenset(({"up"} if acts & {ON, OPEN, ANY_ON} else set())
                         | ({"down"} if acts & {OFF, CLOSE, ANY_OFF} else set()))

    def _checked_ways(self, clause: str) -> set[str]:
        """The directions the direction check binds a clause's devices to: its own ways (``_clause_ways``), else,
        for a situation whose things its kinds name with no word of a way, those kinds' default way ("can't see in
        the warehouse and silence the yard", held-out 28: the lamp's "up", never the siren clause's "down").  Only
        the check reads the defaults: a situation still says no change of its own (corrections.py)."""
        said = self._clause_ways(clause)
        if said:
            return said
        text = normalize(clause or "")
        if negated_need(text) or over_clause(self, text) is not None:
            return {DOWN}  # 不用排风了 / "the air's clear now": a need gone binds what meets it down, never up (need_gone_alone.py)
        things = [h for h in self._kind_hits(text) if h.things]
        defaults = {self.meaning.kinds[h.kind].default for h in things if h.kind in self.meaning.kinds}
        return set(defaults) if things and None not in defaults else set()

    def _kind_hits(self, text: str) -> list[KindHit]:
        """The kinds an (already normalised) text is about, with device names and verb-like kind nouns blanked."""
        r = read(text, self.rules.vocab)
        work = list(text)
        for mn in r.mentions:
            span = text[mn.start:mn.end]
            if mn.kind == "device" or (mn.kind == "kind" and any(
                    matched(span, km.up + km.down) == len(span.strip()) for km in self.meaning.kinds.values())):
                work[mn.start:mn.end] = " " * (mn.end - mn.start)
        return score_kinds("".join(work), self.meaning, self.kind_words, {m.kind for m in self.metas})

    def _refers(self, clause: str) -> set[str]:
        return set(self._refers_cached(normalize(clause or "")))

    def _situation_ways(self, clause: str) -> dict[str, str]:
        """For the direction check's both-ways test (direction_check._single_ways): a clause that names no device or
        kind and says one way in its kinds' own words ("too much sun", 太晒了, "cut off the steam", "warn everyone") →
        {device of those kinds (in the places it names): that way}; {} otherwise.  Plain direction words of a
        situation ("the office is too dim") are not read: only the catalog's words say which way a kind should go."""
        return dict(self._situation_cached(normalize(clause or "")))

    def _situation_now(self, text: str) -> tuple[tuple[str, str], ...]:
        r = read(text, self.rules.vocab)
        if any(mn.kind in ("device", "kind") for mn in r.mentions) or over_clause(self, text) is not None:
            return ()  # "air on line a's clear now": a nuisance that is over binds no way up (symptom_over.py)
        hits = [h for h in self._kind_hits(text) if h.direction]
        if not hits and less_in(text) and not negated_need(text):  # "no more steam", 蒸汽够了: less of a thing is down
            hits = [replace(h, direction=DOWN) for h in self._kind_hits(text)
                    if h.things and h.kind in self.meaning.kinds and less_means_down(self.meaning.kinds[h.kind], text)]
        if len({h.direction for h in hits}) != 1:
            return ()
        zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        kinds = {h.kind: h.direction for h in hits}
        return tuple((m.id, kinds[m.kind]) for m in self.metas if m.kind in kinds and (not zones or m.zone in zones))

    def _refers_now(self, clause: str) -> frozenset[str]:
        """The devices a clause is about: those it names, else those of the kinds it names or whose things it
        names (the coolant: the pump), else those of the places it names; empty when it says none ("set it
        to 40")."""
        text = normalize(clause or "")
        r = read(text, self.rules.vocab)
        named = {k for mn in r.mentions if mn.kind == "device" for k in mn.keys if k in self.by_id}
        if named:
            return frozenset(named)
        zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
        if not kinds:
            present = {m.kind for m in self.metas}
            kinds = {h.kind for h in score_kinds(text, self.meaning, self.kind_words, present) if h.things}
        ids = {m.id for m in self.metas if m.kind in kinds and (not zones or m.zone in zones)}
        ids |= {m.id for m in self.metas if matched(text, self.meaning.device_things.get(m.id, ()))}
        if not ids and zones:
            ids = {m.id for m in self.metas if m.zone in zones}
        return frozenset(ids)

    def _understand_one(self, utterance: str) -> Proposal:
        t0 = time.perf_counter()
        timing: dict[str, float] = {}
        early = self._foreign_place_refusal(utterance, RULES)
        if early is not None:  # "stop line C", 三号线: before any layer picks a device (never another line's)
            return replace(early, timing_ms={"total": round(_ms(t0), 3)})
        prop = self.rules.parse(self._shared_noun(utterance))
        timing[RULES] = _ms(t0)
        result = prop
        if prop.ok and any(c.picked_by_model for c in prop.commands):
            result = replace(prop, layer=MODEL)
        elif prop.ok and (ordinal := self.ordinals.unresolved(normalize(utterance or ""))) is not None:
            t1 = time.perf_counter()  # "the second warehouse lamp": not the warehouse's one lamp
            result = self._refuse(utterance, UNKNOWN_DEVICE, f"No device is '{ordinal}' in this fleet: name the device.",
                                  f"这个设备群中没有“{ordinal}”：请说出设备名称。", SEMANTICS)
            timing[SEMANTICS] = _ms(t1)
        elif prop.ok and (where := self._misplaced(utterance, prop)) is not None:
            # "turn on the fan on the second line" (line B has none), "… upstairs": never the fan of another line
            t1 = time.perf_counter()
            result = self._refuse(utterance, UNKNOWN_DEVICE, f"There is no such device in {where}: name the device.",
                                  f"{where}没有这种设备：请说出设备名称。", SEMANTICS)
            timing[SEMANTICS] = _ms(t1)
        elif prop.ok and self._off_topic(utterance, prop):
            # "line a is full of fumes, clear the air" read by the rules as "conveyor a full": the words say
            # what the ask is about (fumes: a fan) and the rules' device does not do it → semantics or refuse
            t1 = time.perf_counter()
            cands = self._semantic(utterance) if self._may_retry(utterance) else []
            timing[SEMANTICS] = _ms(t1)
            result = cands[0] if len(cands) == 1 else self._choose(utterance, cands) if cands else self._refuse(
                utterance, NOTHING_ACTIONABLE, "None of the devices that would do that is in the place named: "
                "name the device.", "所说的地方没有能做这件事的设备：请说出设备名称。", SEMANTICS)
        elif prop.ok:
            t1 = time.perf_counter()
            result = self._with_verb(utterance, prop)
            if result is not prop:
                timing[SEMANTICS] = _ms(t1)
        elif prop.refusal is not None and (prop.refusal.kind in RETRY or self._has_zone_number(utterance)
                                           or self._setting_by_place(utterance, prop) or self._thing_as_value(utterance)) \
                and self._may_retry(utterance):
            t1 = time.perf_counter()
            cands = self._semantic(utterance)
            timing[SEMANTICS] = _ms(t1)
            if len(cands) == 1:
                result = cands[0]
            elif len(cands) > 1:
                t2 = time.perf_counter()
                result = self._choose(utterance, cands)
                if self.chooser is not None:
                    timing[MODEL] = _ms(t2)
        result = self._at_max_runs(utterance, result)
        result = self._relative_target(utterance, result)  # "more coolant, 40 l/min": the flow only (held-out 17)
        result = self._typo_guard(utterance, result)
        result = self._gate(utterance, result)
        result = without_unnamed_alarms(self, utterance, result)  # 全部打开: never the siren unnamed (unnamed_alarms.py)
        result = own_kind_only(self, utterance, result)  # "pause line two": its conveyor only (place_kind_verbs.py)
        result = described_kind_only(self, utterance, result)  # 二号线箱子开始动: the conveyor (described_words.py)
        timing["total"] = _ms(t0)
        return replace(result, timing_ms={k: round(v, 3) for k, v in timing.items()})

    def _shared_noun(self, utterance: str) -> str:
        """"turn off the ceiling and desk lamps" → "… the ceiling lamp and desk lamp", when both are names of
        the fleet (devices named in full are the rules' own reading; anything else is left as it was)."""
        text = normalize(utterance or "")

        def sub(m: re.Match) -> str:
            a, b, noun = m.group(1), m.group(2), m.group(3)
            names = [f"{a} {noun}", f"{b} {noun}"]
            if all(self.rules.vocab.names.lookup(n)[1] and self.rules.vocab.names.lookup(n)[1][0][0] == "device"
                   for n in names):
                return " and ".join(names)
            return m.group(0)

        out = _SHARED_NOUN.sub(sub, text)
        return out if out != text else utterance

    # -- gates ------------------------------------------------------------------------------------
    def _off_topic(self, utterance: str, prop: Proposal) -> bool:
        """Did the rules pick devices by place alone ("line a … full") while the words say what the ask is
        about, and none of the picked devices' kinds does that thing?"""
        text = normalize(utterance or "")
        r = read(text, self.rules.vocab)
        if any(mn.kind in ("device", "kind") for mn in r.mentions):
            return False
        present = {m.kind for m in self.metas}
        about = {h.kind for h in score_kinds(text, self.meaning, self.kind_words, present) if h.things}
        picked = {self.by_id[c.device_id].kind for c in prop.commands if c.device_id in self.by_id}
        return bool(about) and not picked <= about

    def _misplaced(self, utterance: str, prop: Proposal) -> str | None:
        """The place the ask names that the rules' devices are not in, when the rules did not read it (an
        ordinal zone, "line 2", "the second line"; a place the fleet does not have, "upstairs"), else None."""
        base = normalize(utterance or "")
        r = read(base, self.rules.vocab)
        if any(mn.kind == "device" for mn in r.mentions):
            return self._named_elsewhere(base, r, prop)  # a device named by its name is that device, where it is
        place = foreign_place(drop_someone_outside(base), self.place_names) or self._absent_place(base)
        if place is not None:
            return place
        text = self._zone_numbers(self.ordinals.rewrite(base))
        if text == base:
            return None
        had = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        now = {k for mn in read(text, self.rules.vocab).mentions if mn.kind == "zone" for k in mn.keys} - had
        if now and any(self.by_id[c.device_id].zone not in now for c in prop.commands if c.device_id in self.by_id):
            return " / ".join(f"{self.aliases.zone_name(z, _lang(utterance))} ({z})" for z in sorted(now))
        return None

    def _foreign_place_refusal(self, utterance: str, layer: str) -> Proposal | None:
        """A place, line or numbered/lettered line the ask names and the fleet lacks (C线, "line 3", 三号线,
        "upstairs"): the refusal, before any layer (rules, semantics, the model) is offered a device."""
        base = normalize(utterance or "")
        place = foreign_place(base, self.place_names, lines_only=True)
        if place is None and (slip := self.typos.homophones.near_miss(self.typos.fix_zh(base))) is not None:
            # 办公室风子关掉: a word one character off a device word, no device named: never the whole office
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device is called '{slip}' in this fleet: name the device.",
                                f"这个设备群中没有叫“{slip}”的设备：请说出设备名称。", layer)
        if place is None and (numbered := self.absent_ordinals.absent(base)) is not None:
            # "turn on conveyor C" (conveyors A and B), 三号传送带: never the model's pick of another conveyor
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device is '{numbered}' in this fleet: name the device.",
                                f"这个设备群中没有“{numbered}”：请说出设备名称。", layer)
        if place is None:
            return None
        return self._refuse(utterance, UNKNOWN_DEVICE, f"This fleet has no '{place}': name the device or its zone.",
                            f"这个设备群中没有“{place}”：请说出设备或区域名称。", layer)

    def _absent_place(self, text: str) -> str | None:
        """A place the aliases know and this fleet has no device in ("办公室" in a fleet without an office)."""
        return next((p for p in self.absent_places if needle(p) in text and phrase_regex(p).search(text)), None)

    def _named_elsewhere(self, base: str, r: Reading, prop: Proposal) -> str | None:
        """"start the exhaust fan on line 2", 一号线的蒸汽阀打开: the device named is not in the place named, and
        nothing proposed is there: the place said, never the device of another place (None when it fits)."""
        zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        text = self._zone_numbers(self.ordinals.rewrite(base))
        if text != base:  # "line 2", "the second line": a place the rules' reading did not see
            zones |= {k for mn in read(text, self.rules.vocab).mentions if mn.kind == "zone" for k in mn.keys}
        if not zones or any(self.by_id[c.device_id].zone in zones for c in prop.commands if c.device_id in self.by_id):
            return None
        return " / ".join(f"{self.aliases.zone_name(z, _lang(base))} ({z})" for z in sorted(zones))

    def _setting_by_place(self, utterance: str, prop: Proposal) -> bool:
        """"给一号线通通风", 二号线的蒸汽开一半: the rules took 通风 for a setting of a device in the place named, or
        read the place's every device for 一半 (the conveyor's read-only load is in %) and refused it;
        the ask names no device or kind and its words name what a kind does: the semantics may read it."""
        if prop.refusal is None or prop.refusal.kind not in ("unsupported", "read_only"):
            return False  # 二号线的蒸汽开一半: the conveyor's read-only load in % had decided it (session 8)
        text = normalize(utterance or "")
        r = read(text, self.rules.vocab)
        return r.unsupported is None and bool(r.mentions) and all(mn.kind == "zone" for mn in r.mentions) \
            and bool(self._about(text, r))

    def _thing_as_value(self, utterance: str) -> bool:
        """"open the office up to the daylight": the rules took a word of the semantics for a setting's value."""
        r = read(normalize(utterance or ""), self.rules.vocab)
        return r.bad_enum is not None and r.bad_enum in self.semantic_words

    def _has_zone_number(self, utterance: str) -> bool:
        """"get line 2 moving again": the rules read "2 moving" as a value; the zone number says otherwise."""
        text = normalize(utterance or "")
        return self._zone_numbers(text) != text

    def _zone_numbers(self, text: str) -> str:
        """"line 2" / "line two" → the zone's id (a number that names no zone leaves the text alone)."""
        def sub(m: re.Match) -> str:
            return self.ordinals.zone_by.get(m.group(1), {}).get(_EN_NUMBER[m.group(2)]) or m.group(0)
        return self._zone_number.sub(sub, text)

    def _may_retry(self, utterance: str) -> bool:
        """Not for asks the rules refuse on purpose: questions, negations, conditions, relative changes."""
        text = self._zone_numbers(normalize(utterance or ""))  # "line 2" is a place, not a value
        if not text or guard(text) is not None:
            return False
        r = read(text, self.rules.vocab)
        return not r.question and r.unsupported is None

    def _gate(self, utterance: str, prop: Proposal) -> Proposal:
        """Every layer's proposal: only visible devices, valid params, the direction check."""
        past = self._past_value(utterance, prop)
        if past is not None:  # "fan to super high", 超高速: never the nearest value the device has (past_values.py)
            return past
        if prop.refusal is not None:
            return prop
        if any(c.device_id not in self.by_id for c in prop.commands):
            return self._refuse(utterance, UNKNOWN_DEVICE, "That names a device the assistant may not use.",
                                "这涉及助手不能使用的设备。", prop.layer)
        early = self._foreign_place_refusal(utterance, prop.layer)
        if early is not None:  # whatever layer proposed it: never a device outside a place the fleet lacks
            return early
        norm = normalize(utterance or "")  # the gate's word checks below all read the same normalised ask
        gone = absent_device_in(norm, self.absent_devices, self.present_device_words, self.rules.known_words,
                                {self.by_id[c.device_id].kind for c in prop.commands})
        if gone is not None:  # "warehouse floodlight on" without a floodlight: never the rest of the warehouse
            return self._refuse(utterance, UNKNOWN_DEVICE, f"This fleet has no '{gone}': name a device it has.",
                                f"这个设备群中没有“{gone}”：请说出它有的设备。", prop.layer)
        door = other_door_in(norm, self.present_device_words + self.name_words_zh)
        if door is not None:  # "unlock the back door": whatever layer read it, never the fleet's one lock (other_doors.py)
            return self._refuse(utterance, UNKNOWN_DEVICE, f"No device is called '{door}' in this fleet: name the device.",
                                f"这个设备群中没有“{door}”：请说出设备名称。", prop.layer)
        out = outside_said(norm) if self.outdoor else None
        indoor = [c.device_name for c in prop.commands if c.device_id not in self.outdoor] if out else []
        if indoor:  # "turn on the light outside": only the outdoor devices are outside, never an indoor one
            there = ", ".join(self.aliases.display_name(self.by_id[d], "en") for d in sorted(self.outdoor))
            zh_there = "、".join(self.aliases.display_name(self.by_id[d], "zh") for d in sorted(self.outdoor))
            return self._refuse(utterance, UNKNOWN_DEVICE, f"'{out}' has only {there}, not {', '.join(indoor)}: "
                                "name the device.",
                                f"“{out}”只有{zh_there}，没有{'、'.join(indoor)}：请说出设备名称。", prop.layer)
        when = schedule_in(norm) or delay_in(utterance)  # a delay read on the ask as typed: delays.py
        if when is not None:  # whatever layer read it: a clock time or day word is a schedule, never "now"
            return self._refuse(utterance, "unsupported",
                                f"'{when}' is a schedule: schedules are not supported, say what should happen now.",
                                f"“{when}”是定时：不支持定时，请说现在要做什么。", prop.layer)
        said = contradiction_in(norm)
        if said is not None:  # "unlock and lock the front door": whatever layer read it, never one of the two
            return self._refuse(utterance, "unsupported",
                                f"'{said}' asks for opposite things at once: say which one should happen.",
                                f"“{said}”同时要求相反的操作：请只说要做哪一个。", prop.layer)
        said = need_gone_up(self, norm, prop.commands)
        if said is not None:  # 一号线不再需要通风了，打开吧: a need that is gone never starts what meets it (negated_reasons.py)
            return self._refuse(utterance, "unsupported", f"'{said}' says it is not needed, and the ask would switch it "
                                "on: say which one should happen.", f"“{said}”说不再需要，但指令会把它打开：请只说要做哪一个。",
                                prop.layer)
        said = statement_in(norm)
        if said is not None:  # 阀门八成开着: how a device is, never a command, whatever layer read it
            return self._refuse(utterance, NOTHING_ACTIONABLE,
                                f"'{said}' says how a device is, not what should happen: say what to do.",
                                f"“{said}”说的是设备现在的状态，不是要做什么：请说要做什么。", prop.layer)
        bound = bound_in(norm)
        if bound is not None:  # "no more than 20 %": a limit, not a value to set (nor "none")
            return self._refuse(utterance, "unsupported",
                                f"'{bound}' is a limit, not a setting: say the value to set (e.g. \"set the valve to 20 %\").",
                                f"“{bound}”是一个限度而不是设定值：请说出要设的值（例如“把阀门设为20%”）。", prop.layer)
        tiny = tiny_amount_problem(norm, prop.commands)
        if tiny is not None:  # 蒸汽开一丢丢就行: an amount word with no value, never "fully" (tiny_amounts.py)
            return self._refuse(utterance, "unsupported", f"How far? ('{tiny}' is not a value I know; say e.g. 30%)",
                                f"调到多少？（“{tiny}”不是我认识的数值；请说例如30%）", prop.layer)
        why = self.direction_problem(utterance, prop)
        if why is not None:
            log.warning("direction check refused %r (%s layer): %s", utterance, prop.layer, why)
            return self._refuse(utterance, "unsupported", f"That would go the wrong way ({why}). Say the target value.",
                                f"这会朝相反方向改变（{why}）。请说出目标值。", prop.layer)
        said = keep_out_purpose(norm)
        if said is not None and (not any(c.params.get("locked") is True for c in prop.commands)
                                 or any(c.params.get("locked") is False for c in prop.commands)):
            # "把门锁打开，免得有人进来": keeping people out is a reason to lock, never to unlock or to do something else
            return self._refuse(utterance, "unsupported", f"'{said.strip(' ,;，；.。')}' is a reason to lock, and the ask "
                                "does not lock: say only what should happen.",
                                f"“{said.strip(' ,;，；.。')}”是上锁的理由，但所说的操作不是上锁：请只说要做什么。", prop.layer)
        why = self._lock_unstated(utterance, prop)
        if why is not None:
            log.warning("lock check refused %r (%s layer): %s", utterance, prop.layer, why)
            return self._refuse(utterance, "unsupported", f"Say whether to lock or unlock it ({why}).",
                                f"请说明是上锁还是开锁（{why}）。", prop.layer)
        return prop

    def _past_value(self, utterance: str, prop: Proposal) -> Proposal | None:
        """A refusal naming the device's values where the ask says a value past the end of a scale ("super high",
        超高速, "higher than high"): whatever a layer read or refused for it (nothing to do, out of range); None
        when the ask says no such value, or was refused for another reason (a negation, an unknown device)."""
        norm = normalize(utterance or "")
        said = past_value(norm)
        if said is None or (prop.refusal is not None and prop.refusal.kind not in (NOTHING_ACTIONABLE, OUT_OF_RANGE)):
            return None
        ids = [c.device_id for c in prop.commands] if prop.ok else sorted(self._refers(norm))
        devices = []
        for dev in ids:
            meta = self.by_id.get(dev)
            if meta is None:
                continue
            set_now = {k for c in prop.commands if c.device_id == dev for k in c.params}
            caps = [c for c in meta.capabilities.values() if c.type == "enum" and c.writable and c.values]
            caps = [c for c in caps if c.name in set_now] or caps
            devices += [(self.aliases.display_name(meta, "en"), self.aliases.display_name(meta, "zh"), c.name,
                         list(c.values)) for c in caps]
        en, zh = past_value_reason(said, devices)
        return self._refuse(utterance, OUT_OF_RANGE, en, zh, prop.layer)

    def direction_problem(self, utterance: str, prop: Proposal) -> str | None:
        """The gate's direction check, as a reason or None: each clause's direction binds the devices that clause
        is about (``_refers``, ``_clause_ways``), so "停掉B线的产品输送，同时让冷却水循环起来" is no violation while a
        command that opens what its own clause closes is.  bench/intents.py counts wrong-direction with this."""
        own = OWN_WORDS.words(self, utterance)  # a forwarded / quoted message: the operator's own words, as
        if own is not None:  # understand read them (rewrites.py: forwarded.py, quoted_reports.py)
            return self.direction_problem(own, prop)
        utterance = spoken_rest(self, utterance, prop)  # "don't open it fully, just 20%": the rest (bounded_negations.py)
        utterance = corrected_words(self, utterance)  # a self-corrected ask: the corrected words only (corrections.py)
        utterance = checklist_words(utterance)  # "1. lamp off 2. valve shut": the items as clauses (checklists.py)
        utterance = chained(self, utterance)  # narration, restart report, party's reason dropped in turn (rewrites.py)
        sunlit = normalize(utterance or "")
        utterance = glare_rewrite(sunlit) or utterance  # 阳光照进来太晃眼了: the glare, no "let in" (sun_glare.py;
        # rewrites.GLARE's words, here with no length bound, as it always was)
        said = normalize(utterance or "")
        runs = split_run_ons(said, self.rules.vocab, self.thing_words)
        if runs != said:  # "台灯关掉顶灯开": two items (run_ons.py)
            utterance, said = runs, normalize(runs)
        onp = on_place(self, said) if len(said) <= MAX_CHARS else None
        if isinstance(onp, str):  # "coolant off, steam on line b": the steam's own "on" (on_place.py)
            utterance, said = onp, normalize(onp)
        return check_proposal(utterance, prop, self.by_id, self.current, refers=self._refers, ways=self._checked_ways,
                              situation=self._situation_ways, said_ways=self._clause_ways) \
            or self._particle_problem(utterance, prop) \
            or feeling_problem(said, prop.commands, self.by_id, self.light_kinds, self.current, utterance or "") \
            or pace_problem(said, prop.commands, self.by_id, self.current) \
            or glare_problem(sunlit, prop.commands, self.by_id, self.current) \
            or comparative_switch(said, lambda: read(said, self.rules.vocab).actions, prop.commands, self.by_id) \
            or dark_problem(said, split_spaced(said), prop.commands,
                            self.by_id, self.light_kinds, self._refers, self._clause_ways, violation, self.current)

    def _particle_problem(self, utterance: str, prop: Proposal) -> str | None:
        """own_way.py: a way particle right after a device or kind ("blinds up", 窗帘往下) binds those devices:
        "lights off. blinds up." must never close the blinds with the lamps' "off"."""
        norm = normalize(utterance or "")
        if not prop.commands or not _PARTICLE_HINT.search(norm):
            return None
        for said, way in particle_ways(norm, read(norm, self.rules.vocab)):
            devs = self._refers(said)
            for c in prop.commands:
                now = self.current(c.device_id) if self.current else None
                why = violation(self.by_id[c.device_id], c.params, {way}, now) \
                    if c.device_id in devs and c.device_id in self.by_id else None
                if why:
                    return why
        return None

    def _lock_unstated(self, utterance: str, prop: Proposal) -> str | None:
        """A lock command whose way (lock / unlock) the ask does not state, read with the names blanked (the
        noun of "release the main entrance lock" is not the verb "lock"), as a reason; None when stated."""
        if not any("locked" in c.params for c in prop.commands):
            return None
        ways = self._lock_ways_of(utterance)
        parts = split_clauses(utterance)
        for c in prop.commands:
            meta = self.by_id.get(c.device_id)
            mine = ways
            if len(parts) > 1 and len(ways) > 1:  # both ways said: the clauses about this lock say which ("有人闯进来了，锁好大门")
                mine = set().union(*(self._lock_ways_of(p) for p in parts if c.device_id in self._refers(p))) or ways
            elif len(parts) > 1 and any(c.device_id in self._refers(p) for p in parts):
                # a way said only in a clause about other devices is not this lock's (session 8: 让门关着，打开灯 — keep
                # the door shut, switch on the light — had unlocked the door with the lamps' 打开)
                mine = set().union(*(self._lock_ways_of(p) for p in parts
                                     if c.device_id in self._refers(p) or not self._refers(p)))
            why = lock_violation(meta, c.params, mine) if meta is not None else None
            if why:
                return why
        return None

    def _lock_ways_of(self, text: str) -> set[str]:
        """The lock ways (lock / unlock) a text states, its device names (and kind nouns) blanked; read after
        the typo fixes ("secrue the building" states "secure", as the layers that read it saw)."""
        text = self.typos.fix(normalize(text or ""))
        work = list(text)
        for mn in read(text, self.rules.vocab).mentions:
            # 把门锁上 / 门锁锁好: the name's last 锁 before 上/好/住 is the verb too (门锁 + 锁上)
            end = mn.end - 1 if text[mn.start:mn.end].endswith("锁") and text[mn.end:mn.end + 1] in ("上", "好", "住") \
                else mn.end
            work[mn.start:end] = " " * (end - mn.start)
        ways = lock_ways("".join(work))
        # 帮他开下门: the door is the lock's name and the object of 开 (open_door.py judges whether anyone arrived)
        return ways | {"unlock"} if opens_the_door_zh(text) else ways

    def _typo_guard(self, utterance: str, prop: Proposal) -> Proposal:
        """"do nto stop the pump": a misspelt negation (or condition) is still one, whichever layer read it."""
        if prop.refusal is not None:
            return prop
        text = normalize(utterance or "")
        fixed = self.typos.fix(text)
        why = guard(fixed) if fixed != text else None
        if why is None:
            return prop
        return self._refuse(utterance, "unsupported", *why, prop.layer)

    def _refuse(self, utterance: str, kind: str, en: str, zh: str, layer: str = RULES) -> Proposal:
        lang = _lang(utterance)
        return Proposal(utterance, lang, (), Refusal(kind, t(lang, en, zh)), layer)

    def _relabel(self, utterance: str, prop: Proposal, layer: str, model: bool = False) -> Proposal:
        """A proposal read from a rewritten text, worded for the original utterance (its language)."""
        lang = _lang(utterance)
        chosen = {c.device_id: dict(c.params) for c in prop.commands}
        picked = set(chosen) if model else {c.device_id for c in prop.commands if c.picked_by_model}
        out = build_proposal(utterance, lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return replace(out, layer=layer)

    # -- layer 2: semantics -------------------------------------------------------------------------
    def _semantic(self, utterance: str) -> list[Proposal]:
        """The legal readings the semantic layer finds (several: the model chooses)."""
        base = normalize(utterance or "")
        # no typo fixed in chatter: "I'm heading out to the floor" never "… the flood(light)" (chatter_typos.py)
        text = self._zone_numbers(self.ordinals.rewrite(self.truncations.expand(fixed_but_chatter(self, move_particles(base)))))
        text = _FULL_OF.sub("with", text)  # "full of fumes" describes the place: not the amount "full"
        place = foreign_place(drop_someone_outside(base), self.place_names) \
            or foreign_place(drop_someone_outside(text), self.place_names) or self._absent_place(base)
        if place is not None:  # "fresh air upstairs": a place the fleet does not have, never another place's fan
            return [self._refuse(utterance, UNKNOWN_DEVICE, f"This fleet has no '{place}': name the device or its zone.",
                                 f"这个设备群中没有“{place}”：请说出设备或区域名称。", SEMANTICS)]
        if text != base:
            p = self.rules.parse(text)
            # "stop the fumes on line 1": not whatever conveyor happens to be on that line (read on below)
            if p.ok and not self._off_topic(text, p):
                # "ventilate line 1 at medium speed": the kind's own word adds the verb here too
                return [self._relabel(utterance, self._with_verb(text, p), SEMANTICS)]
            if p.refusal is not None and p.refusal.kind not in RETRY:
                return []  # now a deliberate refusal (out of range, read-only, a negation after a typo)
        r = read(text, self.rules.vocab)
        if r.question or r.unsupported is not None:
            return []
        if less_in(text) and not r.actions and any(mn.kind in ("device", "kind") for mn in r.mentions) \
                and not names_what_is_taken_away(self.meaning, text):
            # "no more siren", "enough with conveyor b", 警报器够了: a device named, less of it is "stop" it
            p = self.rules.parse(LESS.sub(lambda m: " 停止 " if CJK.search(m.group(0)) else " stop ", text))
            if p.ok:
                return [self._relabel(utterance, p, SEMANTICS)]
        if any(not self._semantic_word(w) for w in r.unknown_nouns):
            return []  # "stop the noise in the kitchen": a place the fleet does not have
        cut = cut_as_off(text, r)  # "cut the cooling water": the device named, "cut" is "shut off" (cut_verbs.py)
        if cut is not None and (p := self.rules.parse(cut)).ok:
            return [self._relabel(utterance, p, SEMANTICS)]
        out = self._from_meaning(utterance, text, r)
        if out:
            return out
        about = self._about(text, r)
        if about:
            # the words say what it is about (fumes, steam) and no device of that kind is where it was asked
            # for: refuse, never "whatever is in that zone" nor the same kind in another zone or line
            zones = [k for mn in r.mentions if mn.kind == "zone" for k in mn.keys]
            if zones and not any(m.kind in about and m.zone in zones for m in self.metas):
                what, zh_what = (or_list([self._kind_name(k, lang) for k in sorted(about)], lang)
                                 for lang in ("en", "zh"))
                where = " or ".join(self.aliases.zone_name(z, "en") for z in zones)
                zh_where = "或".join(self.aliases.zone_name(z, "zh") for z in zones)
                return [self._refuse(utterance, UNKNOWN_DEVICE, f"There is no {what} in {where} ({' / '.join(zones)}):"
                                     " name the device.", f"{zh_where}没有{zh_what}：请说出设备名称。", SEMANTICS)]
            # about a kind that is there, but no reading was safe ("stop the fumes": fan on or off?): ask
            what, zh_what = (or_list([self._kind_name(k, lang) for k in sorted(about)], lang) for lang in ("en", "zh"))
            return [self._refuse(utterance, AMBIGUOUS, f"Say what the {what} should do (on or off, open or close,"
                                 " or a value).", f"请说明{zh_what}要做什么（打开、关闭或设定值）。", SEMANTICS)]
        if r.actions and all(mn.kind == "zone" for mn in r.mentions) and (r.quantified or r.mentions) \
                and not (only_both(text) and not r.mentions):  # "stop both": never every device (bare_both.py)
            # "everything off", 全部关掉, "power down line b": every device (of the zones named); a line the
            # fleet does not have (第三条线停下来, "stop line c") was refused above as a foreign place
            noun = self._unread_noun(text, r) or self.truncations.unread_name(text) or unread_noun_en(
                text, lambda w: w in self.typos.known or self._semantic_word(w))  # "stop the blower on line a"
            noun = noun or unknown_all_noun(text, lambda w: bool(read(w, self.rules.vocab).mentions or self._refers(w))
                                            or w in self.typos.known or w in STOPWORDS)  # 所有线路都关掉 (all_of_unknown.py)
            if noun is not None:  # 把仓库的xx关掉: a kind word that was not read limits the devices: never all of them
                return [self._refuse(utterance, UNKNOWN_DEVICE, f"No device called '{noun}' here: name the device.",
                                     f"这里没有叫“{noun}”的设备：请说出设备名称。", SEMANTICS)]
            p = self.rules.parse(("所有设备 " if CJK.search(text) else "all devices ") + text)
            if p.ok:
                return [self._relabel(utterance, p, SEMANTICS)]
        return self._ties(text)

    def _at_max_runs(self, utterance: str, prop: Proposal) -> Proposal:
        """An explicit top-of-range ask ("max extraction", "full blast", 开到最大, and since session 11b also after a
        set verb: "set the extraction to max", 冷却水流量调到最大, "ceiling lamp to full") means the device runs at
        it: a command that puts a setting at its maximum on a device with a switch also switches it on.  Other
        values stay value-only ("set the fan to high" starts nothing); never under an off or down word."""
        text = normalize(utterance or "")
        if not prop.ok or not _AT_MAX.search(text) or DOWN in direction_of(text) or less_in(text):
            return prop
        r = read(text, self.rules.vocab)
        if any(a in (OFF, ANY_OFF, CLOSE, LOCK) for a in r.actions):
            return prop
        chosen: dict[str, dict[str, Any]] = {}
        added = False
        for c in prop.commands:
            meta = self.by_id[c.device_id]
            params = dict(c.params)
            switch = next((n for n in SWITCH_CAPS if n in meta.capabilities and meta.capabilities[n].writable), None)
            if switch is not None and switch not in params and any(_at_top(meta, k, v) for k, v in params.items()):
                params[switch] = True
                added = True
            chosen[c.device_id] = params
        if not added:
            return prop
        picked = {c.device_id for c in prop.commands if c.picked_by_model}
        out = build_proposal(utterance, prop.lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return replace(out, layer=prop.layer) if out.ok else prop

    def _relative_target(self, utterance: str, prop: Proposal) -> Proposal:
        """A relative word with a target ("more coolant, 40 l/min", "less steam, 30 %") sets the value only: a
        switch no verb asked for is dropped (relative_target.py).  "Cool it to 17 degrees": the setpoint only, never
        the mode its verb names (pronoun_place.py)."""
        if not prop.ok:
            return prop
        text = normalize(utterance or "")
        have = {c.device_id: dict(c.params) for c in prop.commands}
        chosen = value_only(text, read(text, self.rules.vocab), have, self.by_id)
        chosen = verb_target_only(text, chosen if chosen is not None else have) or chosen
        if chosen is None:
            return prop
        picked = {c.device_id for c in prop.commands if c.picked_by_model}
        out = build_proposal(utterance, prop.lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return replace(out, layer=prop.layer) if out.ok else prop

    def _opened_to(self, utterance: str, prop: Proposal) -> Proposal:
        """开到/开成 + a level (A线排风扇开到中档, 办公室空调开到制冷，二十四度, 排风开到高档) is how a running level is
        asked for: the device the clause with 开到 is about also gets its switch on.  Only 开到/开成 (调到/设到/设成
        stay value-only), only a level (a number or low/medium/high: 空调开到制热模式 stays a mode change), only a
        device that clause is about (or the ask's one device), never in a clause with a down, off or less word."""
        if not prop.ok:
            return prop
        clauses = [c for c in (split_clauses(utterance) or [utterance]) if _OPENED_TO.search(normalize(c))]
        if not clauses:
            return prop
        ids = [c.device_id for c in prop.commands]
        chosen = {c.device_id: dict(c.params) for c in prop.commands}
        added = False
        for clause in clauses:
            text = normalize(clause)
            if DOWN in direction_of(text) or less_in(text) or any(
                    a in (OFF, ANY_OFF, CLOSE, LOCK) for a in read(text, self.rules.vocab).actions):
                continue
            if all(_RUN_AT_ZH.match(m.group(0)) for m in _OPENED_TO.finditer(text)) \
                    and pace_said(normalize(utterance)):
                continue  # 二号传送带太快了，跑60转就行: it runs already, the rate corrects its pace (symptom_values.py)
            about = self._refers(clause) & set(ids) or (set(ids) if len(ids) == 1 else set())
            for dev in about:
                meta, params = self.by_id[dev], chosen[dev]
                switch = next((n for n in SWITCH_CAPS if n in meta.capabilities and meta.capabilities[n].writable
                               and meta.capabilities[n].type == "bool"), None)
                if switch is None or switch in params or not any(_is_level(meta, k, v) for k, v in params.items()):
                    continue
                params[switch] = True
                added = True
        if not added:
            return prop
        picked = {c.device_id for c in prop.commands if c.picked_by_model}
        out = build_proposal(utterance, prop.lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        out = self._gate(utterance, replace(out, layer=prop.layer, timing_ms=prop.timing_ms)) if out.ok else out
        return out if out.ok else prop

    def _with_verb(self, utterance: str, prop: Proposal) -> Proposal:
        """The rules read values but no verb, and the words say what the device does ("ventilate line a
        at high speed", "move product on line b at 50 rpm"): the kind's own direction word adds it."""
        text = normalize(utterance or "")
        r = read(text, self.rules.vocab)
        if r.actions or len({self.by_id[c.device_id].kind for c in prop.commands}) != 1:
            return prop
        if (r.numbers or r.enums) and moved_to(text):  # "turn the coolant down to 10 l/min": the value, no verb
            return prop
        if (r.numbers or r.enums) and pace_said(text):  # "… should move at 30 rpm, it is going too fast": it runs
            return prop  # already, the value corrects its pace (symptom_values.py)
        if (r.numbers or r.enums) and _SET_TO.search(text) and not _OPENED_TO.search(text) \
                and len(split_clauses(text)) <= 1:
            return prop  # "A线换气调到中档风速": 调到 / "set … to" sets the value; the kind's word (换气) is its noun
        kind = self.by_id[prop.commands[0].device_id].kind
        hit = next((h for h in score_kinds(text, self.meaning, self.kind_words, {kind}) if h.direction), None)
        way = hit.direction if hit is not None else None
        km = self.meaning.kinds.get(kind)
        if way is None and km is not None and thing_on_value(text, km.things, km.removes, r.enums):
            way = UP  # "get the extraction on high": what it does + "on <value>" switches it on (thing_on.py)
        if way is None and km is not None and thing_out(text, km.removes):
            way = UP  # "get the smoke out of line one, high speed": taking out what it removes runs it (thing_on.py)
        said = direction_of(text)
        less = less_in(without_value_enough(text, r.enums))  # "…, low speed is enough": rates the value (value_enough.py)
        if way is None or (said and way not in said) or (less and way != DOWN):
            return prop  # the kind's word and the utterance's words disagree ("no more ventilating …"): no verb added
        ids = [c.device_id for c in prop.commands]
        if len(ids) > 1:  # "move product on both lines at 60 rpm": each device of the one kind, as one would be
            return self._with_verb_each(utterance, prop, kind, way, r, text)
        target = ids[0]
        line = self._sentence(self.by_id[target], kind, way, target, r, text)
        p = self.rules.parse(line) if line else None
        if p is None or not p.ok or {c.device_id for c in p.commands} != set(ids):
            return prop
        before = {c.device_id: c.params for c in prop.commands}
        if any(any(k in before[c.device_id] and before[c.device_id][k] != v for k, v in c.params.items())
               for c in p.commands):
            return prop  # it would change what the rules read: keep the rules' reading
        return self._relabel(utterance, p, SEMANTICS)

    def _with_verb_each(self, utterance: str, prop: Proposal, kind: str, direction: str | None, r: Reading,
                        text: str) -> Proposal:
        """``_with_verb`` over several devices of one kind: every device gets the kind's verb, or none does."""
        before = {c.device_id: c.params for c in prop.commands}
        chosen: dict[str, dict[str, Any]] = {}
        for dev, params in before.items():
            line = self._sentence(self.by_id[dev], kind, direction, dev, r, text)
            p = self.rules.parse(line) if line else None
            if p is None or not p.ok or [c.device_id for c in p.commands] != [dev] \
                    or any(k in params and params[k] != v for k, v in p.commands[0].params.items()):
                return prop
            chosen[dev] = dict(p.commands[0].params)
        picked = {c.device_id for c in prop.commands if c.picked_by_model}
        out = build_proposal(utterance, prop.lang, chosen, picked, by_id=self.by_id, aliases=self.aliases,
                             max_commands=self.max_commands)
        return replace(out, layer=SEMANTICS) if out.ok else prop

    def _from_meaning(self, utterance: str, text: str, r: Reading) -> list[Proposal]:
        out: list[Proposal] = []
        seen: set = set()
        for canonical in self._compose(text, r):
            p = self.rules.parse(canonical)
            if not p.ok or check_proposal(utterance, p, self.by_id, self.current, refers=self._refers,
                                          ways=self._checked_ways):  # each clause's own way, as at the gate
                continue
            key = frozenset((c.device_id, tuple(sorted(c.params.items()))) for c in p.commands)
            if key not in seen:
                seen.add(key)
                out.append(self._relabel(utterance, p, SEMANTICS))
        return out

    def _unread_noun(self, text: str, r: Reading) -> str | None:
        """The word between a place and its verb in Chinese (仓库的等关掉 → 等) that names no device, kind or thing
        of the fleet, or None (仓库的全部关掉, 仓库关掉: no noun, the place's every device)."""
        for mn in r.mentions:
            if mn.kind != "zone":
                continue
            m = _PLACE_NOUN_ZH.match(text[mn.end:])
            if m is None:
                continue
            noun = _GENERIC_ZH.sub("", m.group(1)).strip()
            if noun and not self._refers(noun) and not read(noun, self.rules.vocab).mentions:
                return m.group(1).strip()
        return None

    def _kind_name(self, kind: str, lang: str) -> str:
        names = self.aliases.kinds.get(kind, {}).get(lang) or ()
        return names[0] if names else kind

    def _about(self, text: str, r: Reading) -> set[str]:
        """The kinds whose things ``text`` names, when it names no device or kind."""
        if any(mn.kind in ("device", "kind") for mn in r.mentions):
            return set()
        present = {m.kind for m in self.metas}
        return {h.kind for h in score_kinds(text, self.meaning, self.kind_words, present) if h.things}

    def _semantic_word(self, word: str) -> bool:
        """Is an unknown word one the semantics know (its own words, a device's words, a shared character
        with a Chinese phrase: 太吵, 冷却液)?"""
        if word in self.semantic_words or self._device_word(word):
            return True
        if zh_place_name(word):  # 茶水间 is a place the fleet lacks, never "water" by its 水 (session 11b)
            return False
        return bool(CJK.search(word)) and any(ch in self.zh_chars for ch in word)

    def _noun_known(self, word: str) -> bool:
        """A lone word of a clause the rules read nothing in: one the semantics know (a Chinese noun must hold or be
        part of one of their phrases, not merely share a character: 桌子 is not 院子, bare_nouns_zh.known_noun_zh)."""
        if not CJK.search(word):
            return self._semantic_word(word)
        return word in self.semantic_words or self._device_word(word) or known_noun_zh(word, self.zh_phrases)

    def _device_word(self, word: str) -> bool:
        return any(matched(word, ws) for ws in self.meaning.device_things.values())

    def _ties(self, text: str) -> list[Proposal]:
        """One proposal per device when the rules stop at "which one?" (the model, or the operator, picks)."""
        rec = _Pick(None)
        p = self._with_ranker(rec).parse(text)
        if p.ok or not rec.seen:
            return []
        out = []
        for i in range(len(rec.seen[0])):
            pi = self._with_ranker(_Pick(i)).parse(text)
            if pi.ok:
                out.append(self._relabel(text, pi, SEMANTICS))
        return out if len(out) > 1 else []

    def _with_ranker(self, ranker: _Pick) -> IntentParser:
        """The rules parser with a ranker (a shallow copy: the phrase tables are shared, read-only)."""
        p = copy.copy(self.rules)
        p.ranker = ranker  # type: ignore[assignment]
        return p

    def _compose(self, text: str, r: Reading) -> list[str]:
        """Texts the rules understand for each kind (or device) the utterance talks about, best first."""
        present = {m.kind for m in self.metas}
        work = list(text)  # a name is not a direction word: "release the main entrance lock" does not "lock"
        for mn in r.mentions:  # a device's name, or a kind's noun that is also a verb ("the lock")
            span = text[mn.start:mn.end]
            if mn.kind == "device" or (mn.kind == "kind" and any(
                    matched(span, km.up + km.down) == len(span.strip()) for km in self.meaning.kinds.values())):
                work[mn.start:mn.end] = " " * (mn.end - mn.start)
        unnamed = as_let_in("".join(work))
        hits = score_kinds(unnamed, self.meaning, self.kind_words, present)
        named = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
        named |= {self.by_id[k].kind for mn in r.mentions if mn.kind == "device" for k in mn.keys if k in self.by_id}
        if named:  # another kind than the one named only on its own words ("let the light in": the blinds)
            hits = [h for h in hits if h.kind in named or h.direction is not None]
            for kind in sorted(named - {h.kind for h in hits}):  # "把院子的警报关了": the yard is the siren's word
                if any(m.kind == kind and matched(text, self.meaning.device_things.get(m.id, ())) for m in self.metas):
                    hits.append(KindHit(kind, 1, None, 1))
        # a direction phrase alone ("lock up", "ventilate line a") only when no other word says what it is
        # about: "let the dog in" is not about the blinds, nor "clear the table" about the fan
        bare = not named and not self._content_words(text, r)
        hits = [h for h in hits if h.things or h.kind in named or (bare and self._only_own_words(h.kind, text, r)
                and (says_own_verb(self.meaning.kinds[h.kind], self.generic_verbs.get(h.kind, ()), unnamed)
                     or self._own_things_said(h.kind, text)))]
        # (bare_verbs.py: 打开 / "open" alone is no lock's word, 暂停 alone no conveyor's: the rules asked "which device?";
        # "silence the yard": the yard is the siren's own word)
        if any(h.things for h in hits):  # "it stinks …, get the air moving": what it is about beats a loose verb
            hits = [h for h in hits if h.things or h.kind in named]
        if lets_person_in(text):  # "let the courier in": a person comes in by the entrance, never by the light
            hits = [h for h in hits if people_enter(self.meaning.kinds[h.kind].up)]
        if not hits:
            return []
        top = [h for h in hits if h.score == hits[0].score]
        if r.loose_numbers and len(top) > 1:
            return []  # "the coolant is too hot, 20": a bare number is a feeling's target only for the one kind meant
        zones = [k for mn in r.mentions if mn.kind == "zone" for k in mn.keys]
        said = direction_of(text)
        parts = split_clauses(text)
        if r.numbers or r.enums:  # "凉快一点，20度" had switched the AC off: a comparative with a target is the target
            said = direction_of(_uncompared(text)) if said else said
            parts = [_uncompared(c) for c in parts]
        acted = {ACTION_DIRECTION[a] for a in r.actions if a in ACTION_DIRECTION}
        if not said:  # "一号线开始生产": the verb the rules read says the way
            said = set(acted)
        if not said and _WANT.search(text) and all(h.direction is None for h in top):  # the kind's own word wins  # "we need steam on line b": wanting a thing is more of it
            said = {UP}
        if less_in(text):  # "no more steam": down for what the kind gives, refused for what it takes away
            top = [h for h in top if less_means_down(self.meaning.kinds[h.kind], text)]
            said = {DOWN}
        out = []
        for hit in top:
            if DOWN in said and hit.direction != DOWN and not (r.numbers or r.enums) \
                    and not less_means_down(self.meaning.kinds[hit.kind], text):
                continue  # "stop the fumes": less of what the fan takes away is not "fan off"; refused, not guessed
            devs = [m for m in self.metas if m.kind == hit.kind and (not zones or m.zone in zones)]
            own = [m for m in devs if matched(text, self.meaning.device_things.get(m.id, ()))]
            devs = own or devs
            if not devs:
                continue
            direction = self._direction(hit, said)
            if not said and (r.numbers or r.enums) and len(parts) <= 1 and _SET_TO.search(text):
                direction = None  # "A线通风调到低档": 调到 sets the value, the kind's noun (通风) switches nothing on
            if (r.numbers or r.enums) and len(parts) <= 1 and moved_to(text):
                direction = None  # "crank the coolant up to 50 l/min": a value moved to a target, no switch
            if hit.direction is not None and len(said | acted) > 1 and hit.direction in said | acted:
                # "secure the premises and alert everyone": two ways in one ask, each kind goes its own word's way
                direction = hit.direction
            if len(parts) > 1:  # "air out line a and close off the steam": a kind goes its own clause's way
                own = set().union(*(self._clause_ways(c) for c in parts
                                    if any(h.kind == hit.kind for h in self._kind_hits(c))))
                if len(own) == 1:
                    direction = next(iter(own))
            if direction == UP and not said and (r.numbers or r.enums) and pace_said(text):
                direction = None  # "product should move at 30 rpm, it is going too fast": it runs (symptom_values.py)
            many = r.quantified or r.plural or (bool(zones) and len(devs) > 1)
            if many and len(devs) > 1:
                targets = [f"all {hit.kind} in {' '.join(zones)}" if zones else f"all {hit.kind}"]
            else:
                targets = [m.id for m in devs]
            for target in targets:
                meta = self.by_id.get(target) or devs[0]
                line = self._sentence(meta, hit.kind, direction, target, r, text)
                if line:
                    out.append(line)
        return out

    def _own_things_said(self, kind: str, text: str) -> bool:
        """Does ``text`` say a device's own words (the yard siren's "yard", 院子) of a device of ``kind``?"""
        return any(m.kind == kind and matched(text, self.meaning.device_things.get(m.id, ())) for m in self.metas)

    def _only_own_words(self, kind: str, text: str, r: Reading) -> bool:
        """Are the English words of ``text`` outside names and function words all ``kind``'s own ("let
        people in": "people" is a siren's word, so "let ... in" is not about the blinds)?"""
        km = self.meaning.kinds[kind]
        devices = [p for m in self.metas if m.kind == kind for p in self.meaning.device_things.get(m.id, ())]
        own = {w for p in km.things + km.up + km.down + tuple(self.kind_words.get(kind, ())) + tuple(devices)
               for w in re.findall(r"[a-z]+", p)}
        work = list(text)
        for mn in r.mentions:
            work[mn.start:mn.end] = " " * (mn.end - mn.start)
        return all(w in own or w in STOPWORDS or w in EXTRA_KNOWN or w not in self.semantic_words
                   for w in re.findall(r"[a-z]+", "".join(work)))

    def _content_words(self, text: str, r: Reading) -> list[str]:
        """English words outside the names read, the semantics and the function words."""
        work = list(text)
        for mn in r.mentions:
            work[mn.start:mn.end] = " " * (mn.end - mn.start)
        words = [w for w in re.findall(r"[a-z]+", blank_people("".join(work)))  # "let the fire inspector in": who
                 if w not in STOPWORDS and w not in self.semantic_words and w not in EXTRA_KNOWN and len(w) > 1]
        filler = set("的了吧呢啊吗把让给")
        enough = ("就行", "就好", "就可以", "即可", "就够了", "就成")  # 遮住一半就行: "… is enough" closes the ask
        return words + [w for w in r.leftover_words if CJK.search(w) and w not in enough
                        and not all(ch in self.zh_chars or ch in filler for ch in _SETTLE_ZH.sub("", w))]

    @staticmethod
    def _direction(hit: KindHit, said: set[str]) -> str | None:
        if len(said) == 1:
            return next(iter(said))
        return hit.direction

    def _sentence(self, meta: DeviceMeta, kind: str, direction: str | None, target: str, r: Reading,
                  text: str = "") -> str | None:
        caps = meta.capabilities
        km = self.meaning.kinds.get(kind)
        if direction is None and km is not None and km.default and not (r.numbers or r.enums):
            direction = km.default
        if kind == "lock" or ("locked" in caps and not any(c in caps for c in SWITCH_CAPS)):
            verb = {DOWN: "lock", UP: "unlock"}.get(direction or "")
        elif any(c in caps for c in OPENING_CAPS) and not any(c in caps for c in SWITCH_CAPS):
            verb = {UP: "open", DOWN: "close"}.get(direction or "")
        elif r.opening_only:
            verb = None  # "lower the temperature": a relative change on a switched device, never "off"
        else:
            verb = {UP: "turn on", DOWN: "turn off"}.get(direction or "")
        values = []
        for hint in r.hints:
            name = next((h for h in hint if h in caps), None)
            if name:
                values.append(name)
                break
        for num in r.numbers:  # "close the blinds to 10": never "at 10" (read as a clock time: session 9)
            slot = "to " if verb is None or (verb in ("open", "close") and num.unit is None) else "at "
            values.append(num.text if num.special else slot + num.text)
        for e in r.enums:
            values.append(("to " if verb is None else "at ") + e)
        felt = caps.get(km.feeling_target) if km is not None and km.feeling_target else None
        if not r.numbers and len(r.loose_numbers) == 1 and felt is not None and felt.writable and felt.unit \
                and matched(text, km.feelings):  # type: ignore[union-attr]
            # "chilly, set 24", "too warm in here, 21": a feeling word and one number → the climate target (also
            # beside a mode: "office's boiling. 21 and fan mode" had set the mode and silently dropped the 21)
            values.insert(0, f"{felt.name} to {r.loose_numbers[0]} {felt.unit}")  # before a mode ("… to fan")
        elif r.loose_numbers and r.enums and not r.numbers:
            return None  # a bare number beside a setting that no rule placed: refused, never dropped (session 9)
        if verb is None:
            if not (r.numbers or r.enums or values):
                return None
            verb = "set"
        return " ".join([verb, target] + values)

    # -- layer 3: the model ---------------------------------------------------------------------------
    def _choose(self, utterance: str, cands: list[Proposal]) -> Proposal:
        lang = _lang(utterance)
        cands = verb_kind_only(self, utterance, cands)  # "ventilate line a, full blast": the fan's verb (verb_kinds.py)
        if len(cands) == 1:
            return self._relabel(utterance, cands[0], SEMANTICS)
        if self.chooser is not None and tie_open_to_model(self, utterance, cands):  # "the office lamp": asked back
            kinds = {self.by_id[c.device_id].kind for p in cands for c in p.commands}
            options = [self.describe(p, with_does=len(kinds) > 1) for p in cands]  # same kind: same words, no help
            try:
                pick = self.chooser(utterance, options)
            except Exception as exc:  # noqa: BLE001 - a failing model means no pick, never a wrong one
                log.warning("model choice failed, asking the operator instead: %s", exc)
                pick = None
            if isinstance(pick, int) and not isinstance(pick, bool) and 0 <= pick < len(cands):
                return self._relabel(utterance, cands[pick], MODEL, model=True)
        names = or_list([" + ".join(c.summary for c in p.commands) for p in cands], lang)
        return Proposal(utterance, lang, (), Refusal(AMBIGUOUS, t(
            lang, f"Which one: {names}? Name the device.", f"哪一个：{names}？请说出设备名称。")), SEMANTICS)

    def describe(self, prop: Proposal, with_does: bool = True) -> str:
        """A candidate as the model sees it: the English change and (``with_does``) what the device does."""
        parts = []
        for c in prop.commands:
            meta = self.by_id[c.device_id]
            does = self.meaning.describe(meta, "en") if with_does else ""
            parts.append(f"{meta.name.lower()}: {self.rules.describe_change(meta, c.params, 'en')}"
                         + (f" ({does})" if does else ""))
        return "; ".join(parts)


# "warm the office up to 24", "cool it down to 21": the particle of a warm/cool-to-target ask is no "up"/"down"
# of its own (held-out 13's writers, and held-out 8/12: such an ask sets the value and switches nothing on)
_WARM_UP = re.compile(r"(?<![a-z])(?:warm|heat|cool|chill)\s+(?:\S+\s+){0,3}?(up|down)(?![a-z])")


def _uncompared(text: str) -> str:
    """``text`` with its comparatives (warmer, cooler, 凉快 …) and the up/down of "warm … up" blanked: how a
    value moves is no switch."""
    text = _WARM_UP.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1)), text)
    return _COMPARATIVE.sub(lambda m: " " * len(m.group(0)), text)


def _same(value: Any, param: Any) -> bool:
    """A value read in a clause and one the whole reading placed: 24 and 24.0 are the same."""
    if isinstance(value, (int, float)) and isinstance(param, (int, float)) and not isinstance(param, bool):
        return abs(float(value) - float(param)) < 1e-9
    return value == param


def _lang(utterance: str) -> str:
    return "zh" if CJK.search(utterance or "") else "en"


def _ms(t0: float) -> float:
    return 1000 * (time.perf_counter() - t0)
