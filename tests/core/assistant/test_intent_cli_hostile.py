"""``intent --batch FILE`` with lines that are not UTF-8, nest 100,000 deep, or are not objects: each
such line is its own error line and the rest is read (before: a traceback and nothing read)."""

from __future__ import annotations

import json

from console.cli import main as cli_main


def test_bad_lines_are_each_an_error_and_the_good_ones_are_read(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b'\xff\xfe{"text": "x"}\n' + b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
                      + b"[1]\n\n" + json.dumps({"text": "turn off the warehouse floodlight"}).encode() + b"\n")
    code = cli_main(["intent", "--model", "none", "--batch", str(batch)])
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "Traceback" not in err and len(rows) == 4
    assert "batch.jsonl:1:" in rows[0]["error"] and "utf-8" in rows[0]["error"]
    assert rows[1]["error"].endswith("(nested too deeply)") and "batch.jsonl:3:" in rows[2]["error"]
    assert "error" not in rows[3] and rows[3]["commands"]
