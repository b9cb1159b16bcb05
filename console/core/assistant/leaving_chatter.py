"""A clause that only says someone is leaving or passing through, beside a command (session 10, chatter).

"kill the floodlite, im leaving", "lock up and kill the lights in the office, im off", "AC off and blinds closed,
heading out", "switch the AC off, everyone upstairs has gone home", "…, maintenance crew coming through",
空调关掉，楼上的人都走了 say why the change is wanted now, never what to change.  They had refused the whole ask: "im off"
was read as a clause that says "off" with no device ("im" is no contraction the reader knows), "heading out" as an
unknown value, and "upstairs" in "everyone upstairs has gone home" as a place the fleet lacks.

:func:`drop_leaving` drops each such clause, whole between clause boundaries (a comma, ; : . ! ?, a spaced dash):
- the speaker going: "(i'm|im|i am|we're|we are) (off|out|leaving|heading out|going home|done for the day|…)",
  "heading out", "off home", "leaving now", "gotta go", "see you tomorrow", "last one out";
- people gone or passing: "<people> (has|have|is|are)? (gone (home)|left|headed out|clocked off)", "<people>
  (is|are)? (coming|passing|walking) (through|by|past|in)" where <people> ends in a person noun (people.PERSON) or
  is everyone / everybody / all, with at most three words between ("everyone upstairs", "the maintenance crew");
- Chinese: 我(们)/大家/…的人 + (都|也|已经|先)* + 走了 / 下班了 / 回家了 / 撤了 / 离开了.
A clause is dropped only where it names nothing of the fleet (no device, kind or place: "everyone in the warehouse
has gone home, lights off" keeps its place, which bounds the lights) and something is left that is not itself such a
clause.  An unknown place elsewhere ("turn on the lights upstairs") stays refused: only the chatter clause goes.
Pure text; the fleet check is the caller's (``names``).  Regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.people import PERSON

_CUT = re.compile(r"\s*(?:[,;:!?，；：。！？]+|\.(?=\s|$)|\s[-—–]+\s|[—–]+)\s*")
_LEAD = r"(?:(?:ok|okay|right|alright|well|anyway|and|so|because|cause|cuz|since|as)\s+)*"
_TAIL = (r"(?:\s+(?:now|then|too|already|for\s+(?:the\s+)?(?:day|night|today|tonight)|home|folks|guys|all|everyone|"
         r"team|bye|thanks|thx|cheers))*")
_GOING = (r"(?:off(?:\s+home)?|out(?:\s+of\s+here)?|outta\s+here|leaving|gone|going\s+home|going|"
          r"heading\s+(?:out|off|home)|headed\s+(?:out|off|home)|done(?:\s+for\s+(?:the\s+day|today|tonight))?|"
          r"clocking\s+(?:off|out)|signing\s+off|calling\s+it\s+a\s+(?:day|night)|finished(?:\s+for\s+the\s+day)?)")
_ME = r"(?:i'm|im|i\s+am|we're|we\s+are|i'll\s+be|we'll\s+be)"
_PEOPLE = (r"(?:(?:everyone|everybody|all|people|the\s+rest)(?:\s+[a-z]+){0,3}?|"
           r"(?:(?:the|our|a|my|some)\s+)?(?:[a-z]+\s+){0,2}?" + PERSON.pattern + ")")
_GONE = (r"(?:(?:has|have|'s|'ve|is|are)\s+)?(?:(?:all|already|just|finally|now)\s+)*"
         r"(?:gone(?:\s+home)?|left|headed\s+(?:out|home)|gone\s+for\s+the\s+day|clocked\s+(?:off|out)|went\s+home)")
_PASSING = r"(?:(?:is|are|'s|'re)\s+)?(?:coming|passing|walking|going)\s+(?:through|by|past|in)(?:\s+(?:here|soon))?"
_EN = re.compile(
    rf"^{_LEAD}(?:{_ME}\s+(?:(?:just|now|finally|all|about\s+to\s+be)\s+)?{_GOING}"
    r"|(?:heading|headed)\s+(?:out|off|home)|off\s+home|leaving(?:\s+now)?|(?:gotta|got\s+to|have\s+to)\s+(?:go|run|dash)"
    r"|see\s+(?:you|ya)(?:\s+(?:tomorrow|later|all))?|last\s+one\s+out|(?:good\s*)?night(?:\s+all)?|bye"
    rf"|{_PEOPLE}\s+{_GONE}|{_PEOPLE}\s+{_PASSING})"
    rf"{_TAIL}\s*[.!]*$")
_ZH = re.compile(r"^(?:那|好|好了|行了)?(?:我|我们|咱们|大家|人|[^，,。；;\s]{1,6}的人)(?:都|也|已经|先|全|全都|马上|要)*"
                 r"(?:走了|下班了|回家了|撤了|离开了|走光了|走啦|下班啦)(?:啊|哈|呀|啦|哦)?$")


def leaving(clause: str) -> bool:
    """Is this clause (normalised, whole) only about someone leaving or passing through?"""
    c = clause.strip(" .!")
    return bool(c) and bool(_ZH.match(c) if re.search(r"[\u4e00-\u9fff]", c) else _EN.match(c))


def drop_leaving(text: str, names: Callable[[str], bool]) -> str:
    """``text`` (normalised) without its leaving / passing-through clauses that name nothing of the fleet
    (``names``: a device, kind or place); ``text`` itself when it has none, or nothing else is left."""
    if not text or not _CUT.search(text):
        return text
    pieces, pos = [], 0
    for m in _CUT.finditer(text):
        pieces.append((text[pos:m.start()], m.group(0)))
        pos = m.end()
    pieces.append((text[pos:], ""))
    kept, dropped = [], False
    for clause, cut in pieces:
        if clause.strip() and leaving(clause) and not names(clause):
            dropped = True
            continue
        kept.append((clause, cut))
    if not dropped or not any(c.strip() for c, _ in kept):
        return text
    out = "".join(c + cut for c, cut in kept[:-1]) + kept[-1][0]
    out = out.strip(" ,;:-—–")
    return out if out and out != text else text
