"""What was read in one utterance: the names mentioned, the changes asked, and what stayed unclear.

Plain data, filled by reader.py (with values.py and leftovers.py), used by screening.py, targets.py
and assign.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    kind: str  # device | zone | kind | any
    keys: list[str]
    start: int
    end: int
    plural: bool = False


@dataclass
class Num:
    value: float | None
    unit: str | None
    special: str | None = None  # HALF | QUARTER | THREE_QUARTERS | MAX | MIN
    text: str = ""


@dataclass
class Reading:
    mentions: list[Mention] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    numbers: list[Num] = field(default_factory=list)
    enums: list[str] = field(default_factory=list)
    bad_enum: str | None = None
    hints: list[tuple[str, ...]] = field(default_factory=list)
    quantified: bool = False
    single: bool = False  # "one of the lamps": one device, even with a plural noun
    question: bool = False
    unknown_nouns: list[str] = field(default_factory=list)
    leftover_words: list[str] = field(default_factory=list)
    unsupported: tuple[str, str] | None = None  # (en, zh) reason
    statement: bool = False  # 阀门八成开着, "the valve is probably open": how a device is, not a command
    loose_numbers: list[str] = field(default_factory=list)  # "lamp 2": a number that is no value
    unknown_units: list[str] = field(default_factory=list)  # "20 gallons"
    direction: set[str] = field(default_factory=set)  # "up"/"down" words (direction.py): "dim" is down
    raised: bool = False  # "raise … to 24": an amount verb; with a value on a switched device, the value only
    opening_only: bool = False  # "lower the blinds": a verb that only moves an opening, never switches ("lower the AC")

    @property
    def has_change(self) -> bool:
        return bool(self.actions or self.numbers or self.enums or self.bad_enum)

    @property
    def plural(self) -> bool:
        """A plural kind word ("lamps", "conveyors")."""
        return any(mn.plural for mn in self.mentions if mn.kind == "kind")
