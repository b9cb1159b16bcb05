"""Cantonese function words read as their Mandarin equivalents, right after variants.simplify (blind set 64, a crew
in Hong Kong).

The class: an ask in written Cantonese.  The harm first: 唔好停A線輸送帶 ("don't stop conveyor A") STOPPED
conveyor A, 唔准開大門鎖 unlocked nothing but locked the door, 唔好開蒸汽閥 opened the valve: every negation rule is
written over Mandarin (不要 别 不用 不准 …) and never saw 唔好 / 唔使 / 咪 / 唔准 / 冇.  Reading each Cantonese
negation as the Mandarin one it means puts the ask through exactly the refusals 不要 / 别 get, in every layer,
with no rule of its own to keep in step:

* 唔好 → 不要 (唔好意思 "excuse me" → 不好意思 first), 唔要 → 不要, 唔使 / 唔驶 / 唔洗 → 不用, 唔准 / 唔许 → 不准,
  any other 唔 before a Chinese character → 不 (唔开 "not on", 唔可以 "may not"); 唔该 (please / thanks) → 请 at the
  head of a clause and 谢谢 elsewhere;
* 咪 before a verb or 再 / 乱 / 咁 → 别 ("don't …"; 咪系 "isn't it", 咪咪, 笑咪咪 stay);
* 冇 → 没有 (冇开 "not on", 冇需要 "no need": the Mandarin readings and refusals follow);
* the particles that carry no command: 咗 → 了, 喺 → 在, 嘅 → 的, 佢哋 → 他们, 佢 → 它, 哋 → 们, 嚟 → 来,
  畀 / 俾 → 给, 啲 after a size / amount word → 一点 (大啲 is "a bit bigger": relative, refused as 大一点 is);
* a fraction said the Cantonese way: 四分一 → 四分之一, 三分二 → 三分之二 (阀门开到四分一 = a quarter open).

Blind set 68 (session 11b):

* 嗰 → 那 ("that"), and a bare classifier before the lamp noun (熄咗辦公室盞燈, 個燈: "the lamp", a definite
  singular in Cantonese) → 那盏 / 那个, so a place with two lamps is asked back as 办公室那盏灯 is (definite_ties.py),
  never both switched;
* the object pronoun 佢 said again after what it stands for (熄咗A線抽風機佢啦, 警報器熄咗佢呀: "switch it off") is
  dropped, the device is named; a lone 熄咗佢 (nothing named) keeps its 它;
* 截(咗)(啲) before what flows (截咗啲蒸氣: "cut the steam") → 关掉; 唔该帮手 ("please help") → 请;
* 熄晒 / 关晒 / 闩晒 ("all off") → 都关掉, 停晒 → 都停掉, 熄咗 ("switched off", said of any device) → 关了; 嘢
  ("things") → 东西;
* 嘈 (noisy) → 吵, 静啲 ("quieter") → 安静点, a closing 得唔得 / 好唔好 ("could you?") is dropped;
* 即刻 ("at once", Mandarin too) → 马上; 响警报 at a clause's head ("sound the alarm") → 拉响警报.

Blind set 73 (session 11c): 闩 ("switch off": 闩冷气, 唔该闩咗佢) → 关, never in 门闩 (a door bolt) or 闩门;
写字楼 (the office) → 办公室的; 校 ("adjust") → 调 before a way word (校低啲), 校去/校到 + a number → 调到.

Only characters Mandarin text does not use this way are read (唔 alone before a comma is a hesitation, left to
fillers.py).  Pure and Qt-free, no threads, no locks: one ``in`` test when the ask has none of them.
"""

from __future__ import annotations

import re

_ANY = re.compile(r"[唔咪冇咗喺嘅佢哋嚟畀俾啲嗰嘢嘈晒截盏闩校]|写字楼")
# a classifier with nothing before it that counts or points (一盏, 那盏, 每个, 这个, 整个 …): "the lamp"
_BARE_CLASSIFIER = re.compile(r"(?<![一二两三四五六七八九十几每那这哪各整某第半数些多个好])([盏个])(?=灯)")
# 佢 after what it stands for, before a particle or the clause's end
_PRONOUN_END = r"(?=\s*(?:啦|呀|啊|喇|吖|吧|先|la)?\s*(?:[，,。.!！;；]|$))"
_PRONOUN_AFTER_NOUN = re.compile(r"(咗[^，,。.!！;；?？佢]{2,12}?)佢" + _PRONOUN_END)
_PRONOUN_AFTER_TOPIC = re.compile(r"(?<=[^，,。.!！;；?？\s]{3}咗)佢" + _PRONOUN_END)
# a Chinese character or a Latin device name follows: a negation of what comes next (唔开A线, 唔好 stop)
_NEXT = r"(?=\s*[\u3400-\u9fffa-z0-9])"
_PLEASE_HEAD = re.compile(r"(?:^|(?<=[,，;；。!！:：\s]))唔该(?:晒|嗮|你)?" + _NEXT)
_STEPS = (
    (re.compile(r"唔好意思"), "不好意思"),
    (re.compile(r"嗰(?:度|边|便)"), "那里"),
    (re.compile(r"嗰"), "那"),
    (_BARE_CLASSIFIER, r"那\1"),
    (_PRONOUN_AFTER_NOUN, r"\1"),
    (_PRONOUN_AFTER_TOPIC, ""),
    (re.compile(r"唔该(?:晒|嗮|你)?帮(?:手|忙)(?:我)?" + _NEXT), "唔该"),
    (re.compile(r"截(?:咗|断|停)?(?:啲|d)?(?=蒸汽|蒸气|水|气|煤气|电)"), "关掉"),
    (re.compile(r"(?:熄|关|闩|熄灭)晒"), "都关掉"),
    (re.compile(r"停晒"), "都停掉"),
    (re.compile(r"(?<!门)闩(?!门|上门)"), "关"),
    (re.compile(r"写字楼(?:啲|的)?"), "办公室的"),  # 寫字樓: the office (set 73)
    (re.compile(r"(?<![学少将上])校(?:去|到|返)(?=\s*[\d一二两三四五六七八九十])"), "调到"),  # 校去23度: set it to 23
    (re.compile(r"(?<![学少将上])校(?=低|高|细|大|快|慢|暗|光|亮|凍|冻|热|暖)"), "调"),  # 校低啲: turn it lower  # 闩冷气, 闩咗佢: switch off (session 11c); 门闩 is a door bolt
    (re.compile(r"熄(?=咗|埋)"), "关"),
    (re.compile(r"嘢"), "东西"),
    (re.compile(r"嘈"), "吵"),
    (re.compile(r"(?<!安)静(?:啲|一啲|d)"), "安静点"),
    (re.compile(r"[，,\s]*(?:得唔得|好唔好|得未|可唔可以)(?:呀|啊|吖|啦)?\s*[?？]?\s*$"), ""),
    (_PLEASE_HEAD, "请"),
    (re.compile(r"唔该(?:晒|嗮|你)?"), "谢谢"),
    (re.compile(r"唔(?:好|要)" + _NEXT), "不要"),
    (re.compile(r"唔(?:使|驶|洗|需)(?:要)?" + _NEXT), "不用"),
    (re.compile(r"唔(?:准|许)" + _NEXT), "不准"),
    (re.compile(r"唔" + _NEXT), "不"),
    # 咪 "don't" before what is done; never 咪系 / 咪是 ("isn't it"), 咪咪, 笑咪咪, 咪高峰 (a microphone)
    (re.compile(r"(?<![咪笑])咪(?![系是咪高峰])" + _NEXT), "别"),
    (re.compile(r"冇"), "没有"),
    (re.compile(r"咗"), "了"),
    (re.compile(r"喺"), "在"),
    (re.compile(r"嘅"), "的"),
    (re.compile(r"佢哋"), "他们"),
    (re.compile(r"佢"), "它"),
    (re.compile(r"哋"), "们"),
    (re.compile(r"嚟"), "来"),
    (re.compile(r"[畀俾]"), "给"),
    (re.compile(r"(?<=[大小细高低多少快慢亮暗光冷热暖凉冻松紧长短])啲"), "一点"),
    (re.compile(r"啲"), "些"),
)


# 四分一: never a part of a larger number or a time (十四分一, 三分一秒)
_FRACTION = re.compile(r"(?<![\d〇零一二两三四五六七八九十百点.])([二三四五六七八九十])分([一二三四五六七八九])"
                       r"(?![\d〇零一二两三四五六七八九十百钟秒点])")


_AT_ONCE = re.compile(r"即刻")
_SOUND_ALARM = re.compile(r"(?:^|(?<=[,，;；。!！:：\s]))响(?=警报)")


def mandarin(text: str) -> str:
    """The (simplified, lower-cased) text with its Cantonese function words read as Mandarin (唔好停 → 不要停)."""
    if text and "分" in text:
        text = _FRACTION.sub(r"\1分之\2", text)
    if text and "即刻" in text:
        text = _AT_ONCE.sub("马上", text)
    if text and "响警报" in text:
        text = _SOUND_ALARM.sub("拉响", text)
    if not text or not _ANY.search(text):
        return text
    for pattern, repl in _STEPS:
        text = pattern.sub(repl, text)
    return text
