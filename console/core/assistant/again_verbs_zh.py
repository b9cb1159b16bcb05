"""Cantonese "again" verbs and "a way word, then 去 + the target" read as the Mandarin the rules know (session 13,
blind set 87: a regional crew mixing Cantonese, Taiwanese Mandarin, Singlish and English).

The class, each refused or half done although every word of the request was there:

- 行返 / 行番 ("run it again", 行 is Cantonese "run" for a machine) and 著返 / 著番 / 着返 ("light it again", 著 is
  Cantonese "switch on" for a lamp): B線輸送帶行返佢，速度 55 set the speed without the start, 天花燈著返，亮度 75 the
  level without the lamp on (开返 was read already: 开 is a verb the rules know).  They are 启动 / 打开.  Only where
  the verb ends its clause or takes its object (它, a classifier, a particle, a space before a name): 行返去 / 行返工
  / 行返屋企 ("walk back", "go back to work", "walk home"), 行返未 (a question) and 执行返回 stay as they are.  The
  other verbs said with 番 for 返 (开番, 关番, 停番, 熄番: 冷气开番 had asked for a mode called 番) are 开返 … .
- a way word, then 去 + a value: 較低少少去 23, 較慢啲去 40, 調高去 26 ("lower a little, to 23"): 去 is "to", the target
  wins as in 调高到26 / "cooler, like 19" (relative_target.py: the value only).  Only after an adjusting verb (调 / 较
  / 校) or an amount word (一点, 少少, 些), and never before a time, a line or a floor (快啲去 3 号仓, 去 20 分钟).

A negation before any of them is read as before (唔好行返佢 → 不要启动它: refused as 不要 is).  ``again_verbs`` runs
on the normalised text right after cantonese_zh.mandarin (so 佢 is 它, 啲 after a way word is 一点).  Pure, regexes
compiled at import; one search when the ask has none of these words.
"""

from __future__ import annotations

import re

_ANY = re.compile(r"[返番]|去")
# what may follow the verb: its object, a particle, the clause's end
_FOLLOW = r"(?=\s*(?:它|[,，。.!！;；?？]|$|啦|喇|呀|啊|吖|吧|先|一下|la\b|条|部|架|个|台|盏|把|[a-z]))"
_RUN_AGAIN = re.compile(r"(?<![执进运旅步自银流发实推施同并先试通履言])行(?:返|番)" + _FOLLOW)
_LIGHT_AGAIN = re.compile(r"(?<![接睡穿看听跟随沿顺])[著着](?:返|番)" + _FOLLOW)
_FAN_FOR_BACK = re.compile(r"(?<=[开关停熄])番" + _FOLLOW)
_NUMERAL = r"[\d一二两三四五六七八九十]"
# a value, never a line, a floor or a time
_VALUE = (r"(?=\s*" + _NUMERAL + r")(?!\s*[\d一二两三四五六七八九十.]*\s*(?:号|线|楼|层|点|分钟|分|小时|秒|钟|min|hour|sec))")
_WAY = r"[高低快慢大小暗亮光冷热暖凉细]"
_AMOUNT = r"(?:一点|少少|一些|些|d)"
_WAY_GO = re.compile(r"((?:调|较|校)(?:得)?" + _WAY + _AMOUNT + r"?|" + _WAY + _AMOUNT + r")\s*去\s*" + _VALUE)


def again_verbs(text: str) -> str:
    """``text`` (normalised) with 行返 → 启动, 著返 → 打开, 开番 → 开返 and 调高去 26 → 调高到 26 (see module)."""
    if not text or not _ANY.search(text):
        return text
    if "返" in text or "番" in text:
        text = _RUN_AGAIN.sub("启动", text)
        text = _LIGHT_AGAIN.sub("打开", text)
        text = _FAN_FOR_BACK.sub("返", text)
    if "去" in text:
        text = _WAY_GO.sub(r"\1到", text)
    return text
