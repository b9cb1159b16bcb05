"""Clauses of one ask: "floodlight off and sound the yard siren", 把冷却水循环起来，顺便把二号线的产品也动起来.

Used twice, by the same splitter:

- the direction check (direction.py) binds each clause's own direction word to the devices that clause
  is about: the "off" of "floodlight off" can never be outvoted by the "sound" of the next clause;
- the assistant (layers.py) reads each clause on its own as well as the whole: every clause resolves
  (a clause's own reading wins for its devices), or the whole ask is refused naming the part that was
  not understood — never a partial proposal that looks complete.  A clause that only says what the
  operator is doing ("we're heading out", 我们下班了) or thanks is chatter, not a part to carry out.

Pure, Qt-free; nothing here knows the fleet.
"""

from __future__ import annotations

import re

from console.core.assistant.lexicon import ACTIONS_ZH
from console.core.assistant.numbers import UNDER_HUNDRED
from console.core.assistant.phrases import normalize

# a clause boundary: punctuation (with an optional joining word), or a joining word between two clauses
_SPLIT = re.compile(
    r"\s*[,;，；。!！—–]+\s*(?:(?:and\s+also|and\s+then|and|then|also|but|plus)\s+)?"
    # a sentence end ("set the office AC to 22. desk lamp off": the AC's value never the lamp's, the lamp's "off" never
    # the AC's; session 8, checklists); never "no. 2", "approx. 20", "e.g. …" nor a decimal point
    r"|(?<!\bno)(?<!\bvs)(?<!approx)(?<!\.[a-z])(?<=[a-z0-9%°)])\.+\s+(?:(?:and\s+also|and\s+then|and|then|also|but|plus)\s+)?"
    # ("a hundred and ten" is one number, never two clauses: held-out 28)
    r"|\s+(?:and\s+also|and\s+then|and|then|but|plus|as\s+well\s+as)\s+(?!(?<=hundred and )" + UNDER_HUNDRED
    + r"(?![a-z]))"
    r"|\s*(?:顺便|然后|同时|另外|并且|还有|以及|而且)\s*"
    # a purpose after the ask, with no comma: "open the office blinds so we can see", 把门打开好让他们进来
    r"|\s+(?=so\s+(?:that\s+)?(?:they|we|he|she|people|everyone|everybody|i|you|the\s+[a-z]+)\s+(?:can|could)(?![a-z]))"
    r"|(?<=[\u3400-\u9fff])(?=好让|以便)")
# 二号线停产 冷却水也停: a space between Chinese words is a pause, a clause boundary (session 8: read as one clause,
# the first part had been silently lost to the second's reading) — unless a side is a word or two (把 台灯 关掉, 台灯 关掉)
# or the left side waits for its object (帮我打开 办公室台灯, 把办公室 台灯关掉) or the right side continues it (的 / 和 …);
# used by split_spaced only
_SPACE_ZH = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_OPEN_LEFT = re.compile(r"(?:打开|开启|关掉|关闭|关上|启动|停止|停掉|开|关|停|把|将|和|跟|与|及|的|给|让|请|帮我|帮忙)$"
                        r"|^(?:请|帮我|帮忙|麻烦)?(?:把|将)[^关开停锁启调设拉放合升降响亮灭熄]*$")
_OPEN_RIGHT = re.compile(r"^(?:的|和|跟|与|及|以及|或)")
# a part that is only a verb (办公室百叶窗 全部打开, 那个 办公室顶灯 打开一下, 二号线 停一下): the verb of the part before it,
# never a clause of its own (read alone, a bare 打开 names no device: held-out 28 had it unlock the main door)
_VERBS_ZH = sorted({w for ws in ACTIONS_ZH.values() for w in ws}, key=len, reverse=True)
_BARE_VERB = re.compile(r"^(?:请|帮我|给我|麻烦)?(?:全部|全都|统统|都|也都|也|就|再|先|快|赶紧|马上|立刻|一起)?\s*(?:"
                        + "|".join(map(re.escape, _VERBS_ZH)) + r")(?:掉|上|起来|开|下来|来)?(?:一下子?|吧|了|啊|呀|哈)*$")
_CJK_CHARS = re.compile(r"[\u3400-\u9fff]")


def _space_split(part: str) -> list[str]:
    pieces = _SPACE_ZH.split(part)
    out: list[str] = []
    for piece in pieces:
        if out and (len(_CJK_CHARS.findall(out[-1])) < 3 or len(_CJK_CHARS.findall(piece)) < 3
                    or _OPEN_LEFT.search(out[-1]) or _OPEN_RIGHT.match(piece) or _BARE_VERB.match(piece)):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


# words that only join: "also shut the steam off", 顺便…也
FILLER = frozenset({"also", "too", "as", "well", "plus", "then", "顺便", "也", "还", "再", "也把"})
# a clause about the speaker, not the fleet: "we're heading out", "i'm leaving", 我们下班了, 大家走了
_CHATTER = re.compile(
    r"^(?:(?:we|i|we're|i'm|we've|i've|we'll|i'll|everyone|everybody|everyone's|everybody's|the\s+team|us)(?![a-z])"
    r"|(?:thanks|thank\s+you|cheers|ta)(?![a-z])|我们|咱们|大家|我|谢谢|多谢|辛苦"
    # why, not what: "the courier is here", "the visitors are waiting outside", "the shift is over",
    # "so they can get in", 快递到了, 客人在门口等着, 好让他们进来 (only when it names nothing of the fleet)
    r"|(?:(?:the|our|a|my|some)\s+)?(?:[a-z]+\s+){0,3}?(?:is|are|'s|'re|has|have)\s+(?:(?:just|already|now|all|"
    r"finally|still)\s+)?(?:here|there|arrived|outside|waiting|coming|over|done|finished|gone|left|back|"
    r"on\s+(?:the|their|his|her)\s+way)(?![a-z])"
    # the same with the verb dropped, of an event that ends: "drill over", "test done", "shift finished" (set 81)
    r"|(?:(?:the|our|a|my)\s+)?(?:fire\s+)?(?:drill|test|exercise|shift|meeting|inspection|delivery|visit|tour|audit|"
    r"evacuation|rehearsal|maintenance|cleaning|party|lunch|break)\s+(?:(?:now|all|just)\s+)?(?:over|done|finished|"
    r"complete|ended)\s*$"
    r"|so\s+(?:that\s+)?(?:they|we|he|she|people|everyone|everybody|i|you|the\s+[a-z]+)\s+can(?![a-z])"
    r"|[^，,]{0,8}(?:到了|来了|在外面|在门口|等着|下班了|走了|回家了)$|好让|以便|让他们)")


def split_clauses(utterance: str) -> list[str]:
    """The clauses of an ask (normalised), at least one; one when it has no boundary."""
    text = normalize(utterance or "")
    parts = [p.strip(" ,，") for p in _SPLIT.split(text)]
    return [p for p in parts if p] or [text]


def split_spaced(utterance: str) -> list[str]:
    """The clauses of an ask with a space between Chinese words also a boundary (二号线停产 冷却水也停); the same as
    :func:`split_clauses` when it has none.  The assistant reads these only where the plain clauses would lose a
    part (layers.py): a space is a weaker boundary than a comma, so it never changes a reading that drops nothing."""
    parts = split_clauses(utterance)
    if not _SPACE_ZH.search(" ".join(parts)):
        return parts
    return [q for p in parts for q in _space_split(p) if q.strip()]


def is_chatter(clause: str, refers: set[str]) -> bool:
    """A clause that is about the speaker ("we're heading out") and names no device, kind, thing or value."""
    text = normalize(clause or "").strip()
    return not refers and not re.search(r"\d", text) and bool(_CHATTER.match(text))
