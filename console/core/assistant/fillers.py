"""Speech fillers (held-out 28, speech-to-text): "um conveyor number two stop", "turn off the, uh, desk lamp",
"you know, lights off"; 嗯 把台灯关掉, 呃，台灯关掉, 院子警报器 响起来 就是用脉冲的.

A filler says nothing: it is dropped before anything reads the ask (phrases.normalize), so that it is never read as an
unknown device ('um'), a part of its own (", um,") or a word of the next part (就是用).  Only the sounds and stock
phrases of hesitation, and only where they stand as hesitation:

- English: um, uh, er, erm, hmm, ah, ugh, argh, meh, phew, oof, geez (any length) as whole words; "like" and "you know" only set off by commas or at
  the head of the ask ("like, lights off", "turn off, you know, the lamp": "I'd like …", "feels like …" stay);
- Chinese: 嗯 / 呃 / 额 at the head of the ask or of a part (after a space or punctuation); 那个 / 啊 there only before a
  pause (那个灯关掉 keeps its demonstrative); 就是 / 就是说 at the head of a part (就是用脉冲的 → 用脉冲的).

A filler is never a negation, a condition or a time: those words stay and refuse as before (嗯 不要开台灯, "um, if
it gets hot …").  Where a filler stood between commas, one comma stays (a clause boundary), except right after a
determiner or preposition ("turn off the, um, desk lamp" → "turn off the desk lamp").  Pure; tables compiled at import.
"""

from __future__ import annotations

import re

# (and the sounds of annoyance or relief, "it stinks on line A, ugh": nothing more either; session 9)
_SOUND_EN = r"(?:u+m+|u+h+m*|e+r+m*|h+m+|a+h+|u+g+h+|a+r+g+h+|u+r+g+h+|m+e+h+|p+h+e+w+|o+o+f+|g+e+e+z+|j+e+e+z+|s+h+e+e+s+h+)"
# a filler set off by commas (or at the head / the end): the commas go with it
_EN = re.compile(
    rf"(?P<left>,\s*|^\s*|(?<=\s)){_SOUND_EN}\s*,\s*(?:(?:{_SOUND_EN}|you\s+know|like)\s*,\s*)*(?=\S)"  # "um, …"
    rf"|(?P<left1>,\s*|^\s*)(?:you\s+know|like)\s*,\s*(?:(?:{_SOUND_EN}|you\s+know|like)\s*,\s*)*(?=\S)"  # ", you know, …"
    rf"|(?P<left2>,\s*|^\s*|(?<=\s))(?:{_SOUND_EN}\s+(?:like\s+)?)+(?=\S)"  # "um conveyor …", "uh like turn …"
    rf"|\s*,\s*(?:{_SOUND_EN}|you\s+know)\s*[.!]*\s*$"  # "…, um" / "…, you know" at the end
    rf"|(?<=\s){_SOUND_EN}\s*[.!]*\s*$")  # "… um" at the end
# a comma right after one of these is no clause boundary ("turn off the, um, desk lamp")
_FUNCTION_EN = re.compile(r"(?<![a-z'])(?:the|a|an|to|at|on|off|of|in|my|our|this|that|set|turn|switch|and)\s*$")

_HEAD_ZH = r"(?:^|(?<=[\s,，;；:：。!！]))"
_ZH = re.compile(
    _HEAD_ZH + r"(?:(?:嗯+|呃+)[\s,，]*|(?:那个|额+|啊+)(?:[\s,，]+|$)|就是说?[\s,，]*)+(?=\S|$)")


def _en(m: re.Match) -> str:
    left = next((m.group(g) for g in ("left", "left1", "left2") if m.group(g) is not None), None)
    if left is None:  # at the end: nothing follows
        return ""
    if "," in left and not _FUNCTION_EN.search(m.string[:m.start()]):
        return ", "  # "stop conveyor b, um, start the pump": still two parts
    return " " if m.start() else ""


def drop_fillers(text: str) -> str:
    """The (lower-cased) ask without its speech fillers; the same string when it has none."""
    out = text
    if re.search(r"[a-z]", out) and _EN_HINT.search(out):
        out = _EN.sub(_en, out)
    if _ZH_HINT.search(out):
        out = _ZH.sub("", out)
    return out


_EN_HINT = re.compile(rf"(?<![a-z']){_SOUND_EN}(?![a-z'])|you\s+know|(?:^|,)\s*like\s*,")
_ZH_HINT = re.compile(r"[嗯呃额]|那个|啊|就是")
