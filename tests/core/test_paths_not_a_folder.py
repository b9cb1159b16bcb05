"""A per-user folder that is a file (``~/.local/share/autoglm-console`` written as a regular file by a
stray command): every user of the folder gets NotAFolderError naming the file and the fix, never a
bare "[Errno 17] File exists".  Real files."""

from __future__ import annotations

import pytest

from console.core import paths


def test_a_data_folder_that_is_a_file_names_it_and_the_fix(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.write_text("not a folder")
    monkeypatch.setenv("AUTOGLM_DATA_DIR", str(data))
    monkeypatch.delenv("AUTOGLM_MODEL_DIR", raising=False)
    for get in (paths.user_data_dir, paths.model_cache_dir):
        with pytest.raises(paths.NotAFolderError, match=rf"{data} is a file, where the console keeps its folder: "
                                                        "move the file away .* or set AUTOGLM_DATA_DIR"):
            get()
    assert data.read_text() == "not a folder"  # nothing of the operator's touched


def test_a_file_above_the_folder_is_the_one_named(tmp_path, monkeypatch):
    (tmp_path / "share").write_text("x")
    monkeypatch.setenv("AUTOGLM_LOG_DIR", str(tmp_path / "share" / "logs"))
    with pytest.raises(paths.NotAFolderError, match=rf"{tmp_path / 'share'} is a file, where the console keeps "
                                                    rf"the folder {tmp_path / 'share' / 'logs'}"):
        paths.user_log_dir()
