"""``autoglm-console intent`` (intent_cli.py through console/cli.py): the JSON shape the issue fixes,
a batch with a bad line, a bad fleet file."""

from __future__ import annotations

import json

from console.cli import main


def run(capsys, *argv) -> tuple[int, list[dict], str]:
    rc = main(["intent", *argv])
    out, err = capsys.readouterr()
    return rc, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_one_utterance(capsys):
    rc, [obj], _ = run(capsys, "--model", "none", "--json", "close the steam valve completely")
    assert rc == 0
    assert set(obj) == {"commands", "refusal", "refusal_kind", "layer", "timing_ms"}
    assert obj["commands"] == [{"device": "valve-steam", "action": "set", "params": {"open": 0},
                                "needs_confirmation": True}]
    assert obj["refusal"] is None and obj["layer"] == "rules" and obj["timing_ms"]["total"] > 0
    rc, [obj], _ = run(capsys, "--model", "none", "--json", "let the sunlight in")
    assert obj["layer"] == "semantics" and obj["commands"][0]["needs_confirmation"] is False
    rc, [obj], _ = run(capsys, "--model", "none", "--json", "set the AC to 35 degrees")
    assert obj["commands"] == [] and "16–30" in obj["refusal"] and obj["refusal_kind"] == "out_of_range"


def test_batch_goes_on_after_a_bad_line(capsys, tmp_path):
    batch = tmp_path / "asks.jsonl"
    batch.write_text('{"text": "stop both conveyors"}\nnot json\n{"text": 5}\n\n{"text": "把蒸汽关掉"}\n',
                     encoding="utf-8")
    rc, objs, _ = run(capsys, "--fleet", "resources/fleets/demo-fleet.json", "--model", "none", "--batch", str(batch))
    assert rc == 0 and len(objs) == 4
    assert [c["device"] for c in objs[0]["commands"]] == ["conveyor-a", "conveyor-b"]
    assert "asks.jsonl:2" in objs[1]["error"] and "asks.jsonl:3" in objs[2]["error"]
    assert objs[3]["commands"][0]["device"] == "valve-steam" and objs[3]["layer"] == "semantics"


def test_bad_inputs_say_what_is_wrong(capsys, tmp_path):
    bad = tmp_path / "bad-fleet.json"
    bad.write_text("{", encoding="utf-8")
    rc, objs, err = run(capsys, "--fleet", str(bad), "--json", "stop")
    assert rc == 2 and objs == [] and "bad-fleet.json" in err
    rc, objs, err = run(capsys, "--model", "none")
    assert rc == 2 and "--json" in err
    rc, objs, err = run(capsys, "--model", "none", "--batch", str(tmp_path / "missing.jsonl"))
    assert rc == 2 and "missing.jsonl" in err


def test_the_model_is_loaded_only_when_an_ask_needs_it(capsys, tmp_path):
    """A model path that does not exist: never touched for asks the rules answer; a tie then says so
    on stderr and is refused (the operator is asked), never guessed."""
    missing = str(tmp_path / "no-model.gguf")
    rc, [obj], err = run(capsys, "--model", missing, "--json", "stop both conveyors")
    assert rc == 0 and len(obj["commands"]) == 2 and err == ""
    rc, [obj], err = run(capsys, "--model", missing, "--json", "turn on one of the office lamps")
    assert obj["commands"] == [] and obj["refusal_kind"] == "ambiguous" and "model not loaded" in err
