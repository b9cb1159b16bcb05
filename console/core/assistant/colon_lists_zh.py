"""The Chinese twin of colon_lists.py: a heading with 全部/所有/都 and a switch verb, then a list of things.

"二号线全部停掉：输送、冷却水、蒸汽都关" says one direction for every item: it is read as
"二号线全部停掉:输送关掉,冷却水关掉,蒸汽关掉" (each item then resolves as the rules and the semantic layer read 蒸汽关掉:
the valve closed; the heading's place bounds them).  Only where the heading and an optional trailing 都<verb> go the
same way (both off or both on: 全部停掉：…都打开 is left as it was, and then refused as a contradiction or read clause by
clause); only a plain list of short nouns (an item with its own verb, number or negation is left as it was).
Pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

_OFF = r"(?:关掉|关闭|关上|关了|停掉|停止|停下|停了|停|关)"
_ON = r"(?:打开|开启|启动|开起来|开了|开)"
_WAY = rf"(?:{_OFF}|{_ON})"
# heading: 二号线全部停掉, 把二号线的都关了, 仓库所有东西打开
_HEAD = re.compile(rf"^(?P<head>[^:;]*?(?:全部|所有|全都|一切|都)[^:;]*?(?P<way>{_WAY})(?:吧|了)?)\s*:\s*"
                   rf"(?P<items>[^:;]+?)(?:\s*(?:全部|全都|都|也都|统统)\s*(?P<tail>{_WAY})(?:吧|了|掉)?)?\s*[。.!！]*$")
_SPLIT = re.compile(r"\s*(?:[、,，]|和|跟|及|以及|还有)\s*")
# an item that says anything of its own is not a plain thing
_OWN = re.compile(r"\d|[零〇一二两三四五六七八九十百]|关|开|停|启|调|设|不|别|没|除|到|成")


def _off(word: str) -> bool | None:
    return True if re.fullmatch(_OFF, word) else False if re.fullmatch(_ON, word) else None


def distribute_zh(text: str) -> str:
    """The (normalised) ask with the heading's way after each item of its colon list, or the text unchanged."""
    if ":" not in text or not re.search(r"[\u3400-\u9fff]", text):
        return text
    m = _HEAD.match(text)
    if m is None:
        return text
    off = _off(m.group("way"))
    if off is None or (m.group("tail") and _off(m.group("tail")) is not off):
        return text
    items = [i.strip() for i in _SPLIT.split(m.group("items")) if i.strip()]
    if len(items) < 2 or any(len(i) > 6 or _OWN.search(i) for i in items):
        return text
    verb = "关掉" if off else "打开"
    return f"{m.group('head').strip()}:" + ",".join(f"{i}{verb}" for i in items)
