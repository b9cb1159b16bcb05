"""Cantonese "do it to it" verbs and a few Hong Kong words read as the Mandarin the rules know (session 14, blind set
94: a Hong Kong hub, Traditional characters and Cantonese).

Each was refused although the ask was plain to a Hong Kong operator:

- a verb + 咗佢 ("do it to it", 了它 after cantonese_zh.mandarin) at the end of its clause: 門鎖開咗佢 / 門鎖解咗佢
  ("unlock it": the lock gate found no unlock word), 倉嗰盞射燈著咗佢 ("light it"), 院子好嘈呀，靜咗佢 ("quiet it").
  开 / 关 / 停 / 熄 了它 are that verb + 一下; 解 (after a lock) is 解开; 著 / 着 (a lamp's "on") is 打开; 静 is 让它安静;
- 解 right after 锁 with nothing after it but a particle (门锁解一下, 门锁解): 解开 (the rules knew 解开 and 解锁 only);
- 郁返 / 郁番 / 郁下 (郁 is Cantonese "move"): B線啲貨郁返啦 is 动起来 (the goods at a line moving again: goods_words.py
  gives their conveyor); 忧郁 / 抑郁 / 浓郁 stay;
- 百叶帘 (a common written variant of 百叶窗) is the blinds' word, and 拉起晒 / 升起晒 (晒: "all the way") is 完全拉起来;
- 入来 (入嚟, Cantonese "come in") is 进来: 放佢入嚟 is "let him in"; 速递 (Hong Kong's courier) is 快递;
- a clause that opens with 响起来 ("sound it", only a siren sounds): 拉响警报 (院子要提醒啲工人，響起嚟用pulse).

A negation before any of them stays (唔好開咗佢 → 不要开一下: refused as 不要 is).  ``hk_done_it`` runs
before cantonese_zh.mandarin (which drops the 佢), ``hk_verbs`` right after again_verbs_zh.again_verbs, in
phrases.normalize.  Pure; regexes compiled at import; one search when the ask has none
of these words.
"""

from __future__ import annotations

import re

_ANY = re.compile(r"了它|解|郁|帘|晒|响起来|入来|速递")
_LET_IN = re.compile(r"(?<=[放让])它(?=进来)")  # 放佢入嚟: 佢 is a person here (a device never comes in)
_IN = re.compile(r"(?<![输加投收介写录导列])入来")
_END = r"(?=\s*(?:[,，。.!！;；]|$|啦|喇|呀|啊|吖|吧|先|la\b))"
_DONE_IT = re.compile(r"(?P<verb>[开关停熄解着著静])(?:了它|咗佢|咗它)" + _END)
_LOCK_UNDO = re.compile(r"(?<=锁)解(?=\s*(?:一下|[,，。.!！;；]|$|啦|喇|呀|啊|吖|吧|先))")
_MOVE = re.compile(r"(?<![忧抑浓馥葱])郁(?:返|番|起来|下)")
_BLINDS = re.compile(r"百叶帘")
_ALL_UP = re.compile(r"(?:拉|升|卷)起晒(?:它)?")
_SOUND = re.compile(r"(?<=[,，;；。!！])\s*响起来(?!.*警报)")  # never at the start: the vocabulary reads 响起来 alone (the siren's own word)
_VERB = {"开": "开一下", "关": "关一下", "停": "停一下", "熄": "关一下", "解": "解开", "着": "打开", "著": "打开",
         "静": "让它安静"}


def hk_done_it(text: str) -> str:
    """``text`` (simplified, lower-cased, before cantonese_zh.mandarin, which drops a 佢 after a verb: 门锁开咗佢
    would be 门锁开了, "the lock is open") with a verb + 咗佢 read as that verb said as an order (see module)."""
    if not text or "咗" not in text:
        return text
    return _DONE_IT.sub(lambda m: _VERB[m.group("verb")], text)


def hk_verbs(text: str) -> str:
    """``text`` (normalised, after again_verbs) with the words above read as Mandarin (see module)."""
    if not text or not _ANY.search(text):
        return text
    text = _DONE_IT.sub(lambda m: _VERB[m.group("verb")], text)
    text = _LOCK_UNDO.sub("解开", text)
    text = _MOVE.sub("动起来", text)
    text = _BLINDS.sub("百叶窗", text)
    text = _ALL_UP.sub("完全拉起来", text)
    text = _IN.sub("进来", text).replace("速递", "快递")
    text = _LET_IN.sub("他", text)
    return _SOUND.sub("拉响警报", text)
