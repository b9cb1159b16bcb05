"""The pure parts of reading a fleet through a small broker queue, with an explicit clock:
meta_recovery (who lacks a meta or a status, batched and rate-limited re-fetches, retries, giving
up, reconnects) and stages (one retained burst at a time)."""

from __future__ import annotations

from console.core.mqtt.link import READ_QOS
from console.core.mqtt.meta_recovery import MetaRecovery
from console.core.mqtt.stages import StagedSubscriptions
from console.core.protocol import DeviceTopic, device_topic, device_wildcard

P = "site"


def see(rec: MetaRecovery, dev: str, kind: str, payload: bytes = b"x", now: float = 0.0) -> None:
    rec.observe(DeviceTopic(dev, kind), payload, now=now)


def meta(dev: str) -> str:
    return device_topic(P, dev, "meta")


def test_a_device_heard_without_meta_is_asked_for_after_the_grace_in_batches():
    rec = MetaRecovery(P, batch=2, interval_s=1.0, grace_s=3.0, retry_s=10.0)
    for i in range(5):
        see(rec, f"d{i}", "status", b"online")  # status seen, meta missing
    assert rec.due(now=2.9) == ([], [])  # within the grace: a meta may still be on its way
    ask, drop = rec.due(now=3.0)
    assert ask == [meta("d0"), meta("d1")] and drop == []  # two per round
    assert rec.due(now=3.5) == ([], [])  # one round a second
    assert rec.due(now=4.0)[0] == [meta("d2"), meta("d3")]
    see(rec, "d0", "meta", now=4.2)
    ask, drop = rec.due(now=5.0)
    assert ask == [meta("d4")] and drop == [meta("d0")]  # it came: unsubscribe
    s = rec.stats()
    assert (s.fetched, s.requests, s.asked, s.known) == (1, 5, 4, 1)


def test_a_device_with_meta_and_status_is_never_asked_for():
    rec = MetaRecovery(P, grace_s=0.0)
    see(rec, "d", "meta")
    see(rec, "d", "status", b"online")
    see(rec, "d", "state")
    assert rec.due(now=100.0) == ([], [])


def test_a_missing_status_is_fetched_too():
    rec = MetaRecovery(P, grace_s=1.0)
    see(rec, "d", "meta")
    assert rec.due(now=1.0)[0] == [device_topic(P, "d", "status")]


def test_retries_then_gives_up():
    rec = MetaRecovery(P, grace_s=0.0, interval_s=0.0, retry_s=10.0, max_tries=2)
    see(rec, "d", "state")
    see(rec, "d", "status")
    ask = [rec.due(now=t)[0] for t in (0.0, 10.0, 20.0, 30.0)]
    assert ask[0] == [meta("d")] and ask[1] == [] and ask[2] == [meta("d")] and ask[3] == []
    assert rec.stats().gave_up == 1
    see(rec, "d", "state", now=40.0)  # heard from again: given up stays given up (no storm)
    assert rec.due(now=100.0)[0] == []


def test_an_empty_meta_removes_and_asks_nothing():
    rec = MetaRecovery(P, grace_s=0.0)
    see(rec, "d", "meta")
    see(rec, "d", "status")
    see(rec, "d", "meta", b"")
    assert rec.stats().known == 0 and rec.due(now=10.0) == ([], [])


def test_a_reconnect_waits_for_the_wildcards_again_and_drops_old_subscriptions():
    rec = MetaRecovery(P, grace_s=2.0, interval_s=0.0)
    see(rec, "d", "status")
    assert rec.due(now=2.0)[0] == [meta("d")]
    rec.reconnected(now=3.0)
    ask, drop = rec.due(now=3.0)
    assert ask == [] and drop == [meta("d")]
    assert rec.due(now=5.0)[0] == [meta("d")]


def test_stages_subscribe_meta_and_ack_first_status_last_once_each_burst_is_quiet():
    st = StagedSubscriptions.for_devices(P, READ_QOS, quiet_s=0.5, cap_s=15.0)
    first = st.start(now=0.0)
    assert first == [(device_wildcard(P, "meta"), 0), (device_wildcard(P, "ack"), 1)]
    st.seen("meta", 0.4)
    assert st.due(0.8) == []  # metas still coming
    st.seen("state", 0.85)  # another kind does not hold the stage
    assert st.due(0.9) == [(device_wildcard(P, "state"), 0)]
    for t in range(1, 20):
        st.seen("state", t)  # a stream of states that never goes quiet
    assert st.due(15.5) == [] and not st.done
    assert st.due(15.9) == [(device_wildcard(P, "status"), 0)]  # the cap
    assert st.done and st.due(100.0) == []
    assert st.start(now=200.0) == first  # a reconnect starts over


def test_given_subscriptions_are_made_at_once():
    subs = [("a/#", 1), ("b/+", 0)]
    st = StagedSubscriptions.at_once(subs)
    assert st.start(0.0) == subs and st.done
