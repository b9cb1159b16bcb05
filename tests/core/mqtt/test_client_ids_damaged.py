"""A damaged client-ids.json (nested deeper than the parser takes, not UTF-8, not an object): the
console gets a client id, says why in the log, and the damaged file is moved aside as
``client-ids.json.damaged-<timestamp>`` before the new ids are written.  Before: a deeply nested file
raised RecursionError out of stable_client_id, and other damage was silently overwritten.  Real files."""

from __future__ import annotations

import json
import logging

import pytest

from console.core.mqtt.client_ids import FILE_NAME, stable_client_id


@pytest.mark.parametrize("content, words", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"profile:Plant": "autoglm-console-\xff"}', "not UTF-8"),
    (b'{"profile:Plant": "autoglm-', "not valid JSON"),
    (b'["autoglm-console-0123456789"]', "does not hold a JSON object"),
])
def test_a_damaged_ids_file_is_set_aside_and_a_new_id_kept(tmp_path, caplog, content, words):
    path = tmp_path / FILE_NAME
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="console.core.mqtt.client_ids"):
        cid = stable_client_id("profile:Plant", data_dir=tmp_path)
    assert cid.startswith("autoglm-console-")
    kept = list(tmp_path.glob(f"{FILE_NAME}.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content  # nothing of the operator's lost
    assert words in caplog.text and str(kept[0]) in caplog.text
    assert json.loads(path.read_text()) == {"profile:Plant": cid}  # the new file holds the new id
    assert stable_client_id("profile:Plant", data_dir=tmp_path) == cid  # and is kept from now on


def test_a_good_file_keeps_its_ids_and_nothing_is_set_aside(tmp_path):
    (tmp_path / FILE_NAME).write_text(json.dumps({"profile:Plant": "autoglm-console-0123456789"}))
    assert stable_client_id("profile:Plant", data_dir=tmp_path) == "autoglm-console-0123456789"
    assert not list(tmp_path.glob("*.damaged-*"))
