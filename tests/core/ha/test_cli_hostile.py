"""``discover --ha-config FILE``, ``simulate --ha-discovery FILE`` and ``intent --fleet FILE`` fed broken
files (truncated, not JSON, not UTF-8, the wrong shape, nested 100,000 deep, a number of 400 digits):
a one-line message naming the file or the entry and exit status 2, or the entries that can be read
with the others named as skipped; never a traceback."""

from __future__ import annotations

import json

import pytest

from console.cli import main as cli_main

GOOD = {"topic": "homeassistant/switch/plug1/config",
        "config": {"name": "Plug", "command_topic": "plug1/set", "state_topic": "plug1/state", "unique_id": "plug1",
                   "device": {"identifiers": ["plug1"], "name": "Plug"}}}
BROKEN = {
    "truncated": b'[{"topic": "homeassistant/light/a/config", "config": {"na',
    "not-json": b"hello",
    "binary": b"\xff\xfe\x00garbage",
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "object": b'{"topic": 1}',
}


def _run(capsys, *argv):
    try:
        code = cli_main(list(argv))
    except SystemExit as exc:  # argparse
        code = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Error:" not in err.split(":", 1)[0]
    return code, out, err


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_discover_names_a_broken_file_and_exits_2(tmp_path, capsys, name):
    path = tmp_path / f"{name}.json"
    path.write_bytes(BROKEN[name])
    code, out, err = _run(capsys, "discover", "--ha-config", str(path), "--json")
    assert code == 2 and out == "" and err.startswith("discover: ") and str(path) in err and err.count("\n") == 1


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_simulate_names_a_broken_file_and_exits_2(tmp_path, capsys, name):
    path = tmp_path / f"{name}.json"
    path.write_bytes(BROKEN[name])
    code, out, err = _run(capsys, "simulate", "--ha-discovery", str(path), "--broker", "mqtt://127.0.0.1:9")
    assert code == 2 and err.startswith("simulate: ") and str(path) in err


@pytest.mark.parametrize("name", ["truncated", "binary", "deep", "object"])
def test_intent_names_a_broken_fleet_and_exits_2(tmp_path, capsys, name):
    path = tmp_path / f"{name}.json"
    path.write_bytes(BROKEN[name])
    code, out, err = _run(capsys, "intent", "--fleet", str(path), "--model", "none", "--json", "turn on the lamp")
    assert code == 2 and err.startswith("intent: fleet catalog") and str(path) in err


def test_discover_reads_the_good_entries_and_names_each_bad_one(tmp_path, capsys):
    deep_config: list = []
    for _ in range(700):  # deep, yet what json.loads takes in the CLI: the fleet must not recurse past it
        deep_config = [deep_config]
    entries = [1, "x", None, {"topic": 5}, {"topic": "homeassistant/light/a/config", "config": [1]},
               {"topic": "homeassistant/sensor/b/config", "config": {"name": "B", "state_topic": "b",
                                                                    "deep": deep_config}},
               {"topic": "homeassistant/number/n1/config",
                "config": {"name": "N", "command_topic": "n/set", "min": 10**400, "unique_id": "n1"}},
               GOOD]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(entries))
    code, out, err = _run(capsys, "discover", "--ha-config", str(path), "--json")
    assert code == 0
    names = sorted(d["name"] for d in json.loads(out)["devices"])
    assert "Plug" in names and "N" in names  # a 400-digit min is ignored, not an OverflowError
    for i in range(5):
        assert f"skipped entry {i}" in err
    assert "skipped entry 7" not in err


def test_simulate_names_an_entry_of_the_wrong_shape(tmp_path, capsys):
    path = tmp_path / "shape.json"
    path.write_text(json.dumps([GOOD, {"topic": "homeassistant/light/a/config"}, 5]))
    code, out, err = _run(capsys, "simulate", "--ha-discovery", str(path), "--broker", "mqtt://127.0.0.1:9")
    assert code == 2 and err.startswith("simulate: entry 1: needs a") and "Traceback" not in err
