"""A worker for the offload tests (tests/core/mqtt/test_offload.py), imported by path in the child
process: it keeps what it was handed and gives it back at each take()."""

from __future__ import annotations


class Collect:
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.items: list[tuple] = []

    def message(self, topic: str, payload: bytes) -> None:
        self.items.append(("msg", self.tag, topic, bytes(payload)))

    def control(self, obj) -> None:
        self.items.append(("ctl", self.tag, obj))

    def take(self) -> list[tuple]:
        out, self.items = self.items, []
        return out
