"""How it was and what it is for, never a condition or a capability (session 9, a maintenance crew's week).

- **"like before"**: "restart conveyor 2, back to 90 rpm like before" was refused as a condition ("before" is a
  condition word, screening.py).  "like / as (it was) before", "same as before", "as earlier", 跟之前一样, 像以前那样,
  照原来那样 say the value is the one it had: a manner, dropped; the value said beside it is the target.  "before the
  shift", 下班之前 stay conditions (only the phrase itself is dropped).
- **a test as a purpose**: "conveyor B max it out for the load test" was refused ("load is read-only"): "for the load
  test", "for a stress test", "for testing", 做负载测试, 负载测试用 say why; the "load" of "load test" is no capability.

Pure text over the normalised ask.
"""

from __future__ import annotations

import re

_AS_BEFORE = re.compile(
    r"\s*,?\s*(?<![a-z])(?:(?:just|exactly)\s+)?(?:like|as)\s+(?:it\s+was\s+|they\s+were\s+|it\s+ran\s+|we\s+had\s+(?:it|them)\s+)?"
    r"(?:before|earlier|previously)(?=\s*(?:$|[,;.!]|please|again|thanks))"
    r"|\s*,?\s*(?<![a-z])(?:the\s+)?same\s+as\s+before(?=\s*(?:$|[,;.!]|please|again|thanks))"
    r"|(?:像|跟|和|同|照)(?:之前|以前|原来|刚才)(?:一样|那样)?(?:的)?")
_TEST_PURPOSE = re.compile(
    r"\s*,?\s*(?<![a-z])(?:for|during)\s+(?:(?:the|a|our|this)\s+)?(?:(?:load|stress|speed|capacity|run|belt|endurance|"
    r"acceptance|performance)[- ]?)?(?:test|tests|testing|test\s+run|trial)(?![a-z])"
    r"|[,，]?\s*(?:为了|要|准备|来|用来)?(?:做|进行)?(?:(?:月度|每月|每周|周度|年度|季度|例行|定期|日常|常规)的?)?(?:负载|负荷|压力|满载|带载|性能)?(?:测试|试车|试运行)(?:用|一下)?(?:的)?(?=$|[,，。.!！;；])"
    # a test run about to start, as a clause of its own (提醒大家，马上开始高速试车: why the warning, session 10)
    r"|(?:^|[,，])\s*(?:马上|即将|就要|现在|准备|要|快要)*(?:开始|进行)(?:高速|低速|中速|满速|全速|满载|空载|带载|负载)?"
    r"(?:试车|测试|试运行)(?:了|啦)?(?=$|[,，。.!！;；])")


def drop_as_before(text: str) -> str:
    """The (normalised) ask without "like before" phrases and test purposes; unchanged when it has none, or when
    nothing would be left."""
    if not re.search(r"before|earlier|previously|之前|以前|原来|刚才|test|trial|测试|试车|试运行", text):
        return text
    out = _TEST_PURPOSE.sub("", _AS_BEFORE.sub("", text))
    out = re.sub(r"\s+", " ", out).strip(" ,")
    return out if re.search(r"[a-z\u3400-\u9fff]", out) else text
