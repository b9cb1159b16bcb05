"""Take secrets out of text before it leaves the machine (reports, logs, diagnostic bundles).

Patterns catch the usual shapes (credentials in URLs, password=/token=, Authorization headers,
JSON fields named like secrets, Hugging Face and OpenAI-style keys); ``known`` secrets (the broker
password the console holds, an API key) are replaced wherever they appear, whatever the shape.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

MASK = "***"
_KEY = r"(?:password|passwd|passphrase|pwd|secret|token(?!iz)|api[_-]?key|access[_-]?key|private[_-]?key)"
_KEYWORD = rf"[\w-]*{_KEY}[\w-]*"

_PATTERNS: list[re.Pattern[str]] = [
    # scheme://user:password@host  ->  scheme://user:***@host
    re.compile(r"(?P<pre>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@'\"]*:)(?P<val>[^\s@/'\"]+)(?=@)"),
    # Authorization: Bearer xyz / Basic xyz  (headers, curl -H, dict reprs)
    re.compile(r"(?i)(?P<pre>\bauthorization['\"]?\s*[:=]\s*['\"]?(?:(?:bearer|basic|token|digest)\s+)?)"
               r"(?P<val>[^\s'\",}]+)"),
    re.compile(r"(?i)(?P<pre>\bbearer\s+)(?P<val>[A-Za-z0-9._~+/=-]{8,})"),
    # "password": "x"   'api_key': 'x'   (JSON, Python reprs)
    re.compile(rf"(?i)(?P<pre>['\"]{_KEYWORD}['\"]\s*:\s*['\"])(?P<val>(?:\\.|[^'\"\\])*)(?=['\"])"),
    # password=x  token: x  (config lines, query strings, log lines)
    re.compile(rf"(?i)(?P<pre>\b{_KEYWORD}\s*[=:]\s*['\"]?)(?P<val>[^\s&'\",;]+)"),
    # --password x  (command lines)
    re.compile(rf"(?i)(?P<pre>--{_KEYWORD}[ =]['\"]?)(?P<val>[^\s'\"]+)"),
    # well-known key formats anywhere
    re.compile(r"(?P<pre>)(?P<val>\bhf_[A-Za-z0-9]{20,}\b)"),
    re.compile(r"(?P<pre>)(?P<val>\bsk-[A-Za-z0-9_-]{16,}\b)"),
    re.compile(r"(?P<pre>)(?P<val>\bgh[pousr]_[A-Za-z0-9]{20,}\b)"),
]
# values that follow a secret-like key but are not secrets ("tokens: 53", "password: None")
_HARMLESS = re.compile(r"^(?:\d+(?:\.\d+)?|none|null|true|false|\*+|)$", re.IGNORECASE)


def _mask(m: re.Match[str]) -> str:
    if _HARMLESS.match(m.group("val")):
        return m.group(0)
    return m.group("pre") + MASK


def redact(text: str, known: Iterable[str] = ()) -> str:
    """``text`` with secrets masked.  ``known``: literal secrets to remove wherever they appear."""
    if not text:
        return text
    for secret in sorted({s for s in known if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(_mask, text)
    return text


def redact_obj(obj: Any, known: Iterable[str] = ()) -> Any:
    """Redact every string inside a JSON-able structure; values under secret-named keys go entirely."""
    known = list(known)
    if isinstance(obj, str):
        return redact(obj, known)
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if isinstance(k, str) and re.fullmatch(rf"(?i){_KEYWORD}", k) and isinstance(v, (str, bytes)):
                out[k] = MASK if v else v
            else:
                out[k] = redact_obj(v, known)
        return out
    if isinstance(obj, (list, tuple)):
        return [redact_obj(v, known) for v in obj]
    return obj
