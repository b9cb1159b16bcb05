"""Known secrets (the broker password a profile holds, a model server's API key) in shapes no pattern
recognises: bare words in a log line, a check's value, the telemetry.  They must still never reach
the diagnostic bundle nor the doctor's report, and ``redact``'s rules for them must hold exactly."""

from __future__ import annotations

import json
import zipfile

from console.core.envcheck import Check, CheckResult, build_report, write_bundle
from console.core.envcheck.main import doctor_main
from console.core.envcheck.redact import MASK, redact, redact_obj

BROKER_PW = "Gx7qLm2w"  # looks like nothing: only ``known`` can catch it
API_KEY = "Kq4ZvT9p"


def test_the_longest_known_secret_goes_first():
    # "Azz1B" contains "zz1": replacing the shorter first would leave "A***B" behind
    assert redact("key Azz1B end", known=["zz1", "Azz1B"]) == f"key {MASK} end"
    assert redact("key Azz1B end", known=["Azz1B", "zz1"]) == f"key {MASK} end"


def test_known_secrets_of_three_characters_count_and_shorter_ones_do_not():
    assert redact("pin x9Q here", known=["x9Q"]) == f"pin {MASK} here"
    assert redact("about an abacus", known=["ab", "", "a"]) == "about an abacus"


def test_redact_obj_passes_known_secrets_into_every_level():
    data = {"note": f"pw {BROKER_PW}", "list": [f"k {API_KEY}", {"deep": (BROKER_PW,)}], "n": 3}
    assert redact_obj(data, [BROKER_PW, API_KEY]) == {
        "note": f"pw {MASK}", "list": [f"k {MASK}", {"deep": [MASK]}], "n": 3}
    assert redact_obj(BROKER_PW, [BROKER_PW]) == MASK
    # a secret-named key: its value goes entirely, but an empty one stays empty (nothing was set)
    assert redact_obj({"password": "", "api_key": "x"}) == {"password": "", "api_key": MASK}


def _echoing_check(ctx) -> list[CheckResult]:
    """A check whose rows repeat the secrets in plain words, as an error message from a library may."""
    return [
        CheckResult("Broker login (CONNACK)", "fail", f"refused for operator/{ctx.broker.password}",
                    "accepted", f"the server said: bad credentials {ctx.broker.password}", group="Broker",
                    details={"echo": ctx.broker.password}),
        CheckResult("Model server", "warn", f"key {ctx.remote_api_key} unknown", group="Model server"),
    ]


def test_the_doctors_report_never_shows_the_known_secrets(capsys):
    code = doctor_main(json_out=True, broker_url=f"mqtt://operator:{BROKER_PW}@127.0.0.1:1",
                       remote_api_key=API_KEY, checks=[Check("echo", "Broker", _echoing_check, 10)])
    out = capsys.readouterr().out
    assert code == 1  # the failing row still counts
    report = json.loads(out)
    assert BROKER_PW not in out and API_KEY not in out
    rows = {c["name"]: c for c in report["checks"]}
    assert rows["Broker login (CONNACK)"]["value"] == f"refused for operator/{MASK}"
    assert rows["Model server"]["value"] == f"key {MASK} unknown"


def test_the_bundle_drops_known_secrets_in_any_shape(tmp_path):
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    (log_dir / "console.log").write_text(f"login as operator with {BROKER_PW} ok\nremote key {API_KEY}\nplain line\n")
    rows = [CheckResult("Broker login (CONNACK)", "fail", f"refused {BROKER_PW}", group="Broker"),
            CheckResult("Model server", "ok", "reachable", details={"header": f"X-Key {API_KEY}"})]
    dest = write_bundle(tmp_path / "b.zip", build_report(rows), log_dir=log_dir,
                        telemetry_provider=lambda: {"engine": {"auth": f"k={API_KEY}", "last": BROKER_PW}},
                        known_secrets=[BROKER_PW, API_KEY, ""])
    with zipfile.ZipFile(dest) as zf:
        blobs = {n: zf.read(n).decode("utf-8") for n in zf.namelist()}
    assert {"report.json", "report.md", "telemetry.json", "logs/console.log"} <= set(blobs)
    for name, text in blobs.items():
        assert BROKER_PW not in text and API_KEY not in text, f"a known secret leaked into {name}"
    assert f"login as operator with {MASK} ok" in blobs["logs/console.log"]
    assert "plain line" in blobs["logs/console.log"]
    assert json.loads(blobs["report.json"])["checks"][0]["value"] == f"refused {MASK}"
