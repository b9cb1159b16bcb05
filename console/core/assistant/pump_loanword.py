"""幫浦 / 帮浦, Taiwan's loanword for a pump (from English "pump"), is 泵 (session 14, blind set 97: 幫浦流量調到12.5就好
was refused on a device called 帮浦).

Read as 泵 before anything else reads the words, rather than added as a kind alias: as an alias, the typo matcher
took 帮忙 and 帮我 (one character from 帮浦) for a misspelt pump (帮忙开锁 was refused as "no device called 帮忙").
Pure; a plain string replace.
"""

from __future__ import annotations


def pump_word(text: str) -> str:
    """``text`` with 幫浦 / 帮浦 read as 泵."""
    if "浦" not in text:
        return text
    return text.replace("幫浦", "泵").replace("帮浦", "泵")
