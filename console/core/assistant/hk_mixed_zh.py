"""Hong Kong code-switching and Cantonese verb endings read as the Mandarin the rules know (session 12, blind set 83).

The class: a Hong Kong / Taipei crew mixes English verbs and setting words into written Cantonese, and ends its verbs
the Cantonese way.  Every word of each request was there, yet each was refused:

- an English verb with the Cantonese perfective 咗: "幫我 off 咗個 fan", "on 咗佢", "stop 咗條輸送帶" are 关掉 /
  打开 / 停掉 (read before cantonese_zh.py turns 咗 into 了; "off 了" names no action).  A negation before it
  stays (唔好 off 咗佢 → 不要关掉它: refused as 不要 is).
- 較 / 调 / 校 + 去 / 做 / 到 before a value ("speed 較去 60", "流量較去 40", "調做 medium"): "adjust to" → 调到.
  Only before a number or a speed word: 较 alone is Mandarin "comparatively" (温度较高 is a description, never a
  command) and is left alone.
- "set" + a bare number inside a Chinese sentence ("流量 set 20", "speed 都 set 做 80") → 设为.
- a clause that gives only the target after a relative word ("調暗啲，去 20%", "快啲，去 110 rpm"): 去 + a value at
  a clause's head is "to", 调到 (the target wins, as in 调暗一点，到 20%); never a time (去 20 分钟).
- 收聲 ("shut up", said of an alarm) → 静音; 拉埋 (draw the blinds shut) → 拉上; 闩埋 / 关埋 / 熄埋 ("shut it
  off") → 关掉.
- a thing named by its sound then 嗰個 (B線嘶嘶聲嗰個, 院子嗚嗚叫嗰個: "the hissing one") → …的嗰個, so
  described_nouns.py reads the catalog's described word as it does in 嘶嘶声的那个; only after 聲 / 叫 / 響 or a
  doubled syllable (嘶嘶, 咕嚕咕嚕), never after a verb (熄嗰個燈 stays).
- the Cantonese times 聽日 / 聽朝 / 聽晚 ("tomorrow", "… morning", "… evening") and 一陣間 ("in a while") → 明天 /
  明天早上 / 明天晚上 / 待会, so a schedule said the Cantonese way is refused as the Mandarin one is (without it
  "聽日 set 做 80" would have set the speed now).

``hk_mixed`` runs on the simplified, lower-cased text right before cantonese_zh.mandarin.  Pure and Qt-free, regexes
compiled at import; one search when the ask has none of these words.
"""

from __future__ import annotations

import re

_ANY = re.compile(r"嗰|咗|较|调|校|set|去|收声|埋|听[日朝晚]|阵间")
_NEG_EN = r"(?<![a-z])"
_EN_VERB_DONE = re.compile(_NEG_EN + r"(off|on|stop|close|shut|open|start)\s*咗\s*")
_EN_VERB_ZH = {"off": "关掉", "on": "打开", "stop": "停掉", "close": "关上", "shut": "关上", "open": "打开",
               "start": "启动"}
_NUMERAL = r"[\d一二两三四五六七八九十]"
_SPEED_WORD = r"(?:low|medium|mid|high|max|min)(?![a-z])"
# a value, never a line, a floor or a time (调去三号线 "transferred to line 3", set 做 3 点)
_VALUE = r"(?=" + _NUMERAL + "|" + _SPEED_WORD + r")(?![\d一二两三四五六七八九十.]*\s*(?:号|线|楼|点|分钟|小时|秒|点钟))"
_ADJUST_TO = re.compile(r"(?:较|调|校)\s*(?:去|做|到)\s*" + _VALUE)
_SET_TO = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?<![a-z])set\s*(?:做|成|去|为)?\s*" + _VALUE)
# 去 + a value at a clause's head; never a time or a place (去 20 分钟, 去 3 号仓)
_GO_TO = re.compile(r"(?<=[,，;；])\s*去\s*(?=\d+(?:\.\d+)?\s*(?:%|％|rpm|度|l/min|升)?\s*(?:[,，;；。.!！]|$))")
# a thing described by its sound, then 嗰個 ("the one that …"): 嘶嘶聲嗰個, 嗚嗚叫嗰個, 咕嚕咕嚕嗰個 → …的那个, the
# description described_nouns.py reads (its words are the catalog's); never a verb before 嗰 (熄嗰個 stays)
_SOUND_THAT = re.compile(r"([声叫响]|([\u4e00-\u9fff])\2|([\u4e00-\u9fff]{2})\3)嗰(?=[个只部架])")
_WORDS = ((re.compile(r"听日"), "明天"),  # Cantonese times: a schedule, refused as 明天 is (聽日 set 做 80)
          (re.compile(r"听朝"), "明天早上"),
          (re.compile(r"听晚"), "明天晚上"),
          (re.compile(r"(?:一)?阵间"), "待会"),
          (re.compile(r"收声"), "静音"),
          (re.compile(r"拉埋"), "拉上"),
          (re.compile(r"(?:闩|关|熄)埋"), "关掉"))


def hk_mixed(text: str) -> str:
    """The text with its HK code-switched verbs and Cantonese verb endings said in Mandarin (off 咗 → 关掉)."""
    if not text or not _ANY.search(text):
        return text
    if "咗" in text:
        text = _EN_VERB_DONE.sub(lambda m: _EN_VERB_ZH[m.group(1)], text)
    text = _ADJUST_TO.sub("调到", text)
    if "set" in text:
        text = _SET_TO.sub("设为", text)
    if "去" in text:
        text = _GO_TO.sub("调到", text)
    if "嗰" in text:
        text = _SOUND_THAT.sub(r"\1的嗰", text)
    for pattern, repl in _WORDS:
        text = pattern.sub(repl, text)
    return text
