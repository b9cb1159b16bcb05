"""``confirmation.py`` on its own (no broker): which commands need a yes, what a yes covers, and the
question's fields and words.  Each rule here is one the mutation bench (bench/mutation.py) showed
could change without any other test noticing."""

from __future__ import annotations

from console.core.commands.confirmation import (
    Confirmation, ConfirmationRequired, confirmation_required, describe_values,
)
from console.core.commands.wording import word_command
from console.core.protocol import Capability, DeviceMeta

PRESS = DeviceMeta("press-7", "Press 7", "press", "hall", {
    "power": Capability("power", "bool", writable=True),
    "force": Capability("force", "int", writable=True, min=0, max=100, risk="high"),
    "lamp": Capability("lamp", "bool", writable=True, risk="low"),
})


def test_describe_values_lists_them_or_names_the_action():
    assert describe_values({"force": 30, "power": True}) == "force=30, power=True"
    assert describe_values({}) == "set"
    assert describe_values({}, "refresh") == "refresh"


def test_defaults_ask_only_for_high_risk_and_assume_no_yes():
    assert confirmation_required(PRESS, "set", {"lamp": True}) is None
    asked = confirmation_required(PRESS, "set", {"force": 10})
    assert isinstance(asked, ConfirmationRequired) and asked.high_risk and not asked.always


def test_the_question_names_the_high_risk_values_and_says_why():
    exc = ConfirmationRequired("press-7", "set", {"force": 10, "lamp": True, "power": True}, PRESS, high_risk=True)
    assert exc.always is False
    assert exc.risky == ("force",)
    assert str(exc).endswith("Send this command to press-7? This device is marked high risk.")
    low = ConfirmationRequired("press-7", "set", {"lamp": True}, PRESS, high_risk=False, always=True)
    assert low.risky == ()
    assert str(low).endswith("Send this command to press-7? The operator must confirm it.")


def test_wording_passes_every_part_through():
    exc = ConfirmationRequired("press-7", "set", {"force": 10}, PRESS, high_risk=True)
    current = {"force": 60}
    want = word_command(PRESS, {"force": 10}, current, lang="zh", device_name="压机", action="set")
    assert exc.wording(current, lang="zh", device_name="压机") == want
    assert exc.wording() == word_command(PRESS, {"force": 10}, None, lang="en", action="set")
    assert exc.wording(current).text() != exc.wording().text()  # the current value shows
    refresh = ConfirmationRequired("press-7", "refresh", {}, PRESS, high_risk=False, always=True)
    assert refresh.wording() == word_command(PRESS, {}, None, action="refresh")
    assert refresh.wording().text() != word_command(PRESS, {}, None, action="set").text()


def test_a_yes_to_a_refresh_covers_a_refresh_whatever_values_it_carried():
    yes = Confirmation("press-7", "refresh", {"power": "stale"}, high_risk=False)
    assert confirmation_required(PRESS, "refresh", {}, always=True, confirmed=yes) is None


def test_a_yes_to_values_no_longer_valid_covers_nothing():
    yes = Confirmation("press-7", "set", {"force": 500}, high_risk=True)  # the meta's max shrank since
    assert isinstance(confirmation_required(PRESS, "set", {"force": 100}, confirmed=yes), ConfirmationRequired)
    assert confirmation_required(PRESS, "set", {"force": 10},
                                 confirmed=Confirmation("press-7", "set", {"force": 10.0}, True)) is None
