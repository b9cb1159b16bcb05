"""Sending an unassigned command again on this site (console.core.commands.resend), without Qt: the
question always comes first and claims nothing, a yes claims the row and sends it through the same
submit path as every other command, a refusal or a changed risk rolls the claim back, and two consoles
sharing the file cannot both send it.  Real SQLite files for both outboxes and a real pipeline; its link
is never started, so the new commands wait QUEUED in this site's outbox."""

from __future__ import annotations

from dataclasses import replace

import pytest

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.commands.resend import Conflict, NeedsConfirmation, Refused, Resent, Stage, resend_unassigned
from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import Command, CommandState

S = CommandState
FLEET = load_fleet().by_id()
SITE = "mqtt://site-a:1883"


class Site:
    """This site: its metas (changeable), its outbox and pipeline; and the unassigned file."""

    def __init__(self, tmp_path):
        self.metas = {d: FLEET[d] for d in ("fan-line-a", "conveyor-a", "lamp-office-1")}
        self.outbox = Outbox(tmp_path / "site.sqlite3")
        self.link = MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix="plant"))  # never started
        self.pipeline = CommandPipeline(self.outbox, self.link, self.metas.get)
        self.unassigned = Outbox(tmp_path / "outbox-unassigned.sqlite3")

    def old(self, device_id, params, *, sent=False):
        """A command an earlier console left open in the shared outbox."""
        cmd = Command.new(device_id, params, ttl_s=600)
        return self.unassigned.add_sent(cmd, 1, now=1000.0) if sent else self.unassigned.add(cmd, 1, now=1000.0)

    def as_stored(self, row):
        return self.unassigned.get(row.id), self.unassigned.history(row.id)

    def resend(self, row, confirmed=None):
        return resend_unassigned(self.pipeline, self.unassigned, row, site=SITE, confirmed=confirmed)

    def close(self):
        self.outbox.close()
        self.unassigned.close()


@pytest.fixture
def site(tmp_path):
    s = Site(tmp_path)
    yield s
    s.close()


def test_asked_first_then_sent_once_as_a_new_command_and_the_old_one_closed(site):
    old = site.old("fan-line-a", {"power": True}, sent=True)
    before = site.as_stored(old)
    ask = site.resend(old)
    assert isinstance(ask, NeedsConfirmation)
    need = ask.request
    assert need.always and not need.high_risk and need.device_id == "fan-line-a" and need.values == {"power": True}
    assert site.as_stored(old) == before and site.outbox.count() == 0  # a question claims and sends nothing

    done = site.resend(old, confirmed=need.confirmation())
    assert isinstance(done, Resent) and done.unrecorded == ""
    new = site.outbox.get(done.row.id)
    assert (new.device_id, new.command.params, new.command.origin, new.state, new.qos) == \
        ("fan-line-a", {"power": True}, "operator", S.QUEUED, 1)
    closed = site.unassigned.get(old.id)
    assert closed.state is S.CANCELLED
    assert [t.detail for t in site.unassigned.history(old.id)][-2:] == \
        [f"being sent again on {SITE}", f"sent again as {new.id} on {SITE}"]
    # once at most: the same (stale) row again finds it closed, and nothing more is sent
    again = site.resend(old, confirmed=need.confirmation())
    assert isinstance(again, Conflict) and again.current.state is S.CANCELLED
    assert site.outbox.count() == 1


def test_what_this_site_cannot_take_is_refused_before_anything_is_asked(site):
    unknown = site.old("press-9", {"power": True})
    wrong = site.old("lamp-office-1", {"running": True})  # its lamp has no "running"
    for row, why in ((unknown, "unknown device 'press-9'"), (wrong, "running")):
        before = site.as_stored(row)
        result = site.resend(row)
        assert isinstance(result, Refused) and result.stage is Stage.CHECK and why in result.reason
        assert site.as_stored(row) == before
    assert site.outbox.count() == 0


def test_high_risk_is_said_in_the_question_and_sent_qos2(site):
    old = site.old("conveyor-a", {"running": True})
    ask = site.resend(old)
    assert isinstance(ask, NeedsConfirmation) and ask.request.high_risk and ask.request.risky == ("running",)
    done = site.resend(old, confirmed=ask.request.confirmation())
    assert isinstance(done, Resent) and done.row.qos == 2


def test_a_device_marked_high_risk_while_asked_is_asked_again_and_the_claim_rolled_back(site):
    old = site.old("fan-line-a", {"power": True}, sent=True)
    ask = site.resend(old)
    assert not ask.request.high_risk
    site.metas["fan-line-a"] = replace(FLEET["fan-line-a"], risk="high")  # while the dialog was open
    again = site.resend(old, confirmed=ask.request.confirmation())
    assert isinstance(again, NeedsConfirmation) and again.request.high_risk
    assert site.outbox.count() == 0
    stored = site.unassigned.get(old.id)
    assert stored.state is S.SENT  # open again, as it was: a declined second question leaves it so
    assert site.unassigned.history(old.id)[-1].detail.startswith("not sent again: asked again")
    done = site.resend(stored, confirmed=again.request.confirmation())
    assert isinstance(done, Resent) and done.row.qos == 2


def test_a_refusal_after_the_claim_reopens_the_row(site):
    old = site.old("lamp-office-1", {"power": True})
    ask = site.resend(old)
    del site.metas["lamp-office-1"]  # its meta went away meanwhile
    result = site.resend(old, confirmed=ask.request.confirmation())
    assert isinstance(result, Refused) and result.stage is Stage.SEND and "unknown device" in result.reason
    assert site.unassigned.get(old.id).state is S.QUEUED and site.outbox.count() == 0


def test_another_console_sharing_the_file_closes_it_first_and_nothing_is_sent_here(site, tmp_path):
    old = site.old("lamp-office-1", {"power": True})
    ask = site.resend(old)
    other = Outbox(tmp_path / "outbox-unassigned.sqlite3")
    try:
        other.transition(other.get(old.id), S.CANCELLED, detail="sent again from another console")
    finally:
        other.close()
    result = site.resend(old, confirmed=ask.request.confirmation())
    assert isinstance(result, Conflict) and result.current.state is S.CANCELLED
    assert site.unassigned.history(old.id)[-1].detail == "sent again from another console"
    assert site.outbox.count() == 0
