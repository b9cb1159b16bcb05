"""The one reader of JSON files an operator names (console/core/jsonfiles.py): every way a file can
be wrong is a ProtocolError naming the file and why, never a traceback; a BOM is fine."""

from __future__ import annotations

import pytest

from console.core.jsonfiles import read_json_file
from console.core.protocol import ProtocolError


@pytest.mark.parametrize("content, reason", [
    (b'[{"topic": "a", "config": {"na', "is not valid JSON: Unterminated string starting at: line 1 column 28"),
    (b"hello", "is not valid JSON: Expecting value: line 1 column 1"),
    (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply to read"),
    (b"", "is not valid JSON"),
])
def test_a_broken_file_is_named_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "configs.json"
    path.write_bytes(content)
    with pytest.raises(ProtocolError) as info:
        read_json_file(path, "file of discovery configs")
    assert str(info.value).startswith(f"file of discovery configs {path}") and reason in str(info.value)


def test_missing_a_folder_and_too_large(tmp_path):
    with pytest.raises(ProtocolError, match="cannot read fleet catalog .*nope.json: No such file"):
        read_json_file(tmp_path / "nope.json", "fleet catalog")
    with pytest.raises(ProtocolError, match="cannot read fleet catalog .*: Is a directory"):
        read_json_file(tmp_path, "fleet catalog")
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"1," * 600_000 + b"1]")
    with pytest.raises(ProtocolError, match="larger than 1 MiB"):
        read_json_file(big, "fleet catalog", max_bytes=1024 * 1024)


def test_a_bom_and_plain_json_are_read(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b'\xef\xbb\xbf{"devices": []}')
    assert read_json_file(path, "fleet catalog") == {"devices": []}
