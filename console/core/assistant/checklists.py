"""Numbered checklists read out as one ask (held-out 29): "1. conveyor A stop 2. valve shut 3. siren off",
"Checklist: 1. cooling pump start 2. conveyor B start 3. floodlight on", "Item 4: office AC off. Item 5: office blinds
closed.", 清单：1. 停一号传送带 2. 关蒸汽阀 3. 关警报器.

The item numbers had been read as values ("What does 1, 2, 3 refer to?") or, worse, all but one item were silently
dropped ("1. floodlight off 2. yard siren off 3. main entrance lock locked" proposed only the siren).  Now:

- **Item markers split the ask into items**: "1." "2)" "(3)" "1、" "Item 4:" "Step 2 -" "第一项" "第二步" "一、" "①", with
  or without a heading of list words (Checklist:, To do:, Tasks:, 清单：, 待办：, 步骤：).  A marker is a number that
  starts the ask (after the heading) and then each next number of the same style (n+1, n+2, …), standing after a
  space or a sentence end and followed by its sign ('.', ')', '、', ':', '-') and then words.  So "set the AC to 22.
  Lamp off" (no marker at the start), "conveyor 1 and 2" and "1. AC to 22 2. lamp off" (22 is no next number) keep
  their values; a number out of sequence is the item's own text.
- **Each item is read on its own**, as any ask (every layer, every gate): all must be understood, else the whole ask
  is refused naming the item; the union of the items' commands is proposed (two items that set one device to
  different things are refused).  A checklist item is a to-do, so an item that reads nothing alone and is a target
  state ("office blinds closed", "main entrance lock locked", "conveyor b stopped") is the command to get there; one
  with "is / are / was" ("the valve is closed") stays a report, refused.
- The direction check reads the items as clauses (:func:`checklist_words`, used by ``Assistant.direction_problem``).
- A heading that is not a list word ("Closing up: 1. lights off 2. AC off") is kept: the ask is read as
  "closing up: lights off; ac off" by the usual heading and clause rules (headings.py, time_headings.py).

Pure text here, plus :func:`checklist`, which reads the items with the assistant.  No threads, no locks.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import Any

from console.core.assistant.proposal import AMBIGUOUS, build_proposal

_ZH_NUM = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_EN_NUM = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① … ⑳

# a heading of list words, dropped: "Checklist:", "To do:", "清单："
_HEADING = re.compile(
    r"^\s*(?:(?:my|our|the|today'?s|shift|closing|opening)\s+)?(?:check\s*-?\s*list|to\s*-?\s*do(?:\s+list)?|todo(?:\s+list)?"
    r"|tasks?(?:\s+list)?|steps?|list|items?|检查清单|清单|待办(?:事项)?|任务(?:清单)?|步骤|事项)\s*[:：]\s*", re.I)
# any other short heading before the first marker ("Closing up:", 下班前：): kept in the text
_OTHER_HEADING = re.compile(r"^\s*([^:：\d①-⑳]{1,60}?)\s*[:：]\s*")

_WORDS = r"(?=\s*[^\W\d_])"  # then words (a letter or a CJK character), never a digit: "1.5", "22. 2."
_BEFORE = r"(?:^|(?<=[\s.,;:!?。，；：！？、)）]))"  # a marker stands at the start, after a space or a sentence end
_DIGITS = r"(\d{1,2})"
# style → the marker (group 1: its number); every style is tried at the start of the ask (after the heading)
_STYLES: dict[str, re.Pattern[str]] = {
    "dot": re.compile(rf"{_BEFORE}{_DIGITS}\s?[.．](?!\d){_WORDS}"),
    "paren": re.compile(rf"{_BEFORE}[(（]\s*{_DIGITS}\s*[)）]\s*[.:：]?{_WORDS}"),
    "close": re.compile(rf"{_BEFORE}{_DIGITS}\s?[)）]{_WORDS}"),
    "dun": re.compile(rf"{_BEFORE}{_DIGITS}\s?、{_WORDS}"),
    "colon": re.compile(rf"{_BEFORE}{_DIGITS}\s?[:：](?!\d){_WORDS}"),
    "item": re.compile(rf"(?<![a-z])(?:item|step|task|point|no\.)\s*(\d{{1,2}}|{'|'.join(_EN_NUM)})\s*"
                       rf"(?:[:：.)\-–—]|(?=\s))\s*{_WORDS}", re.I),
    "zh_dun": re.compile(rf"{_BEFORE}([一二三四五六七八九十])\s?[、.．]{_WORDS}"),
    "zh_ord": re.compile(rf"第\s*([一二三四五六七八九十]|\d{{1,2}})\s*(?:项|步|(?:条|点|件)(?=\s*[:：、,，.]))\s*"
                         rf"[:：、,，.]?{_WORDS}"),
    "circled": re.compile(rf"([①-⑳])\s*[.:：、]?{_WORDS}"),
}
_TRIM = " \t\r\n,;:.!?，；：。！？、"

# an item that is a target state: "office blinds closed", "main entrance lock locked", "entrance secured"
_STATE_ITEM = re.compile(r"^(?:the\s+)?(?P<name>(?:[a-z][a-z'-]*\s+){1,4}?)(?P<state>locked|unlocked|closed|opened|"
                         r"shut|stopped|secured|started|switched\s+(?:on|off)|turned\s+(?:on|off))$", re.I)
_STATE_VERB = {"locked": "lock", "secured": "lock", "unlocked": "unlock", "closed": "close", "shut": "close",
               "opened": "open", "stopped": "stop", "started": "start", "switched on": "switch on",
               "switched off": "switch off", "turned on": "turn on", "turned off": "turn off"}
_REPORT = re.compile(r"(?<![a-z])(?:is|are|was|were|has|have|had|been|it|they|already|still|just)(?![a-z])", re.I)


def _number(s: str) -> int:
    if s.isascii() and s.isdigit():
        return int(s)
    return _ZH_NUM.get(s) or _CIRCLED.get(s) or _EN_NUM.get(s.lower(), 0)


def split_checklist(text: str) -> tuple[str, list[str]] | None:
    """(heading, items) of a numbered checklist (the heading "" when it is a list word or absent), else None.
    Two items at least; each item stripped of its marker and of the punctuation around it."""
    if not text or len(text) > 600 or not re.search(r"\d|[①-⑳一二三四五六七八九十]|item|step|task|point|no\.", text,
                                                     re.I):
        return None
    heading, start = "", 0
    m = _HEADING.match(text)
    if m is not None:
        start = m.end()
    else:
        h = _OTHER_HEADING.match(text)
        if h is not None and any(rx.match(text, h.end()) for rx in _STYLES.values()):
            heading, start = h.group(1).strip(), h.end()
    head_end = start
    while start < len(text) and text[start].isspace():
        start += 1
    for rx in _STYLES.values():
        first = rx.match(text, start)
        if first is None:
            continue
        marks = [first]
        for cand in rx.finditer(text, first.end()):
            if cand.start() >= marks[-1].end() and _number(cand.group(1)) == _number(marks[-1].group(1)) + 1:
                marks.append(cand)
        if len(marks) < 2:
            continue
        items = [text[a.end():(b.start() if b is not None else len(text))].strip(_TRIM)
                 for a, b in zip(marks, [*marks[1:], None])]
        if text[head_end:first.start()].strip() or any(not i for i in items):
            return None
        return heading, items
    return None


def checklist_words(text: str) -> str:
    """The ask with a checklist's items as clauses ("lamp off; valve shut"), heading kept; else as it is.  For the
    direction check, which binds each clause's direction to that clause's devices."""
    found = split_checklist(text or "")
    if found is None:
        return text
    heading, items = found
    joined = "; ".join(items)
    return f"{heading}: {joined}" if heading else joined


def state_command(item: str) -> str | None:
    """"office blinds closed" → "close the office blinds"; None when the item is no bare target state."""
    m = _STATE_ITEM.match(item.strip(_TRIM))
    if m is None or _REPORT.search(m.group("name")):
        return None
    state = re.sub(r"\s+", " ", m.group("state").lower())
    return f"{_STATE_VERB[state]} the {m.group('name').strip()}"


def checklist(asst: Any, utterance: str) -> Any | None:
    """The proposal for a numbered checklist, item by item; None when the ask is none."""
    found = split_checklist(utterance or "")
    if found is None:
        return None
    t0 = time.perf_counter()
    heading, items = found
    if heading:  # "Closing up: 1. lights off 2. AC off": the heading's rules read it, the items as clauses
        return replace(asst.understand(checklist_words(utterance)), utterance=utterance)
    chosen: dict[str, dict[str, Any]] = {}
    picked: set[str] = set()
    layers: set[str] = set()
    for item in items:
        p = asst.understand(item)
        if not p.ok and (cmd := state_command(item)) is not None:
            q = asst.understand(cmd)
            p = q if q.ok else p
        if not p.ok:
            why = p.refusal.reason if p.refusal is not None else "nothing to do"
            return asst._refuse(
                utterance, p.refusal.kind if p.refusal is not None else "nothing_actionable",
                f"I could not understand the item '{item}' ({why}); nothing was proposed, so that no item is done "
                "without the rest. Say that item again, or ask for each change on its own.",
                f"没有理解清单中的“{item}”（{why}）；为免只做一部分，没有给出任何指令。请重说这一项，或者分开提出每项更改。",
                p.layer)
        layers.add(p.layer)
        for c in p.commands:
            mine = chosen.setdefault(c.device_id, {})
            if any(k in mine and mine[k] != v for k, v in c.params.items()):
                name = c.device_name
                return asst._refuse(utterance, AMBIGUOUS, f"Two items of the list say different things about {name}: "
                                    "say which one should happen.",
                                    f"清单中有两项对{name}的要求不同：请说明要做哪一个。", p.layer)
            mine.update(c.params)
            if c.picked_by_model:
                picked.add(c.device_id)
    layer = "model" if picked or "model" in layers else "semantics" if "semantics" in layers else "rules"
    lang = "zh" if re.search(r"[\u3400-\u9fff]", utterance) else "en"
    out = build_proposal(utterance, lang, chosen, picked, by_id=asst.by_id, aliases=asst.aliases,
                         max_commands=asst.max_commands)
    # every gate again, on the items as clauses (each item passed them alone): "lock" of one item and "open" of the
    # next are no contradiction, the marker numbers no clock time
    out = replace(asst._gate(checklist_words(utterance), replace(out, layer=layer)), utterance=utterance)
    return replace(out, timing_ms={"total": round(1000 * (time.perf_counter() - t0), 3)})
