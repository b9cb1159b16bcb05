"""Polite lead-ins that add nothing (held-out 25): "go ahead and start conveyor A at seventy rpm", "please go ahead
and …", "go ahead, …", "do the needful and …" (held-out 29), "feel free to …", "be so kind as to …"; modal ones (session 8): "you'd better …", "we should …", "you need to …"; a request to whoever is there (session 10):
"could someone close the blinds?", "can anybody …".

Only at the head of the ask or of a clause (after , ; : . !), and only followed by more words: the rest is the
command, read as if the lead-in were not there ("just", "kindly", "please" are dropped elsewhere).  Pure; no
threads, no locks.
"""

from __future__ import annotations

import re

LEAD_IN = re.compile(
    r"(?:^|(?<=[,;:.!])\s*|(?<= and )|(?<= then ))"
    r"(?:(?:please|pls|so|ok|okay|alright|right)[\s,]+)?(?:just\s+)?"
    r"(?:go\s+ahead(?:\s+and|\s*[,:])|do\s+the\s+needful(?:\s+and|\s*[,:])|feel\s+free\s+to|(?:(?:would|could|can)\s+you\s+)?be\s+so\s+kind\s+as\s+to"
    # a modal lead-in (session 8): "you'd better close the steam valve" had read "better" as the valve's value
    r"|(?:(?:you|we|i)(?:'d|\s+had)?\s+)?better|(?:you|we|someone|somebody)\s+(?:should|must|ought\s+to)"
    r"|(?:you|we)\s+(?:need|have)\s+to"
    # a request to whoever is there (session 10): "could someone close the blinds?", "can anybody switch the fan on"
    r"|(?:could|can|would|will)\s+(?:someone|somebody|anyone|anybody)(?:\s+(?:here|there))?)"
    r"\s+(?:(?:please|just|go\s+and)\s+)?(?=[a-z])(?!not(?![a-z])|never(?![a-z])|n't)")


def drop_lead_ins(text: str) -> str:
    """The (normalised) ask without its polite lead-ins ("go ahead and start …" → "start …")."""
    if not any(w in text for w in ("ahead", "needful", "free", "kind", "better", "should", "must", "ought", "to",
                                   "some", "any")):
        return text
    return LEAD_IN.sub(lambda m: " " if m.start() else "", text)
