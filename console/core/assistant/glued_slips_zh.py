"""A same-sound slip glued to a one-character kind noun is that device, never the whole kind (session 10, harms).

把空调和太灯都关了 switched every lamp off: 太灯 is 台灯 (the desk lamp) typed with 太 for 台 (both tai), but the slip
fixer (homophones_zh.py ``fix``) never looks at a window holding a word the fleet knows, and 灯 is the lamps' kind
word; the reader then took 灯 alone, with 都, for every lamp.  (With no other fleet noun in the ask, 把太灯关了 was
refused as a near miss; with 空调 beside it, the near-miss check stood aside.)  A slip must never widen to the kind.

:func:`glued_slip`: a character right before a one-character kind noun (灯, 泵, 门, 阀), standing where a noun stands
(first, or after 把 / 和 / 、 / 的), that is no particle, no describing word (大, 小, 左 …), no character of a verb
(掉, 住: 掉灯 may be 台灯 mistyped or 吊灯 misheard), no part of a word the fleet knows (顶灯, 开灯, 阀门 stay) and
forms, with that noun, a same-sound slip of exactly one two-character fleet noun ending in it (太灯 → 台灯) is replaced
by that noun's character; two or more such nouns, or none, leave the text as it is.  :func:`glued_unknown`: such a
glued word that fits no fleet noun by sound (路灯, 厨灯, 壁灯: lamps the fleet lacks), or a verb's character in a list
(空调和掉灯), is the word to refuse, never the whole kind (空调和路灯都关掉 had switched every lamp off).
Pure; reads the slip table of the assistant's typo fixer; no threads.
"""

from __future__ import annotations

from console.core.assistant.homophones_zh import _CJK, _PARTICLES, _VERBS, HomophoneSlips, _sounds

# words of their own before a noun (size, colour, place, age, a preposition: 在门口; 大灯: size_words_zh.py): no slip
# a character of a verb (关掉, 锁住, 打开) may be the verb's own tail or head beside the noun (掉灯, 住门): never a slip
_VERB_CHARS = frozenset("".join(_VERBS))
_JOINERS = set("和与跟及、")
_BEFORE = set("把将和与跟及、的,， ")
_DESCRIBING = set("大小老新旧红绿白黄蓝黑高低长短前后左右上下中里外内东南西北边头顶底在从到进出向往对靠近")
# words of their own, never a slip of a fleet noun: 射灯 (a spotlight) is no 台灯 by 射's rare reading "yi" (射灯关掉
# had switched the desk lamp off; session 13): refused as a lamp the fleet lacks (a place's one lamp: spot_lamps.py)
_OWN_WORDS = frozenset({"射灯"})


def _glued(slips: HomophoneSlips, text: str) -> list[tuple[int, str, set[str], bool]]:
    """(position, glued word, the fleet nouns it is a same-sound slip of, whether its first character is a verb's) for
    each glued word (see module)."""
    if not slips.singles or not any(s in text for s in slips.singles):
        return []
    taken = slips._taken(text, skip=slips.singles)
    out = []
    for k in range(1, len(text)):
        single, ch = text[k], text[k - 1]
        if single not in slips.singles or taken[k - 1] or taken[k] or ch in _PARTICLES or ch in _DESCRIBING \
                or not _CJK.match(ch) or (k >= 2 and text[k - 2] not in _BEFORE):
            continue  # only where a noun stands: first, or after 把 / 和 / 、 / 的 (在门口, 其他灯 are no slips)
        if ch + single in slips.nouns:
            continue
        verbish = ch in _VERB_CHARS
        if verbish and (k < 2 or text[k - 2] not in _JOINERS):
            continue  # 掉灯关掉, 把住门: maybe a verb's character; in a list (空调和掉灯) no verb stands there
        out.append((k - 1, ch + single, set() if ch + single in _OWN_WORDS else
                    {w for w in slips.nouns if len(w) == 2 and w[1] == single
                     and w not in slips.places and _sounds(ch) & _sounds(w[0])}, verbish))
    return out


def glued_slip(slips: HomophoneSlips, text: str) -> str:
    """``text`` with each glued same-sound slip of a two-character fleet noun fixed (see module)."""
    out = list(text)
    for i, _, fits, verbish in _glued(slips, text):
        if len(fits) == 1 and not verbish:
            out[i] = next(iter(fits))[0]
    return "".join(out)


def glued_unknown(slips: HomophoneSlips, text: str) -> str | None:
    """The first glued word that is a slip of no fleet noun (路灯, 厨灯), else None: refused, never the kind."""
    return next((word for _, word, fits, verbish in _glued(slips, text) if verbish or not fits), None)
