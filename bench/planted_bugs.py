"""Plant each bug of issue 16 in a scratch copy of the tree, one at a time, and print which tests fail.

    .venv/bin/python bench/planted_bugs.py [--quick] [NAME-FRAGMENT ...]     (one JSON line per bug)

A bug that no test catches prints "failing": [] -- the suite is blind there.  Each bug is a one-line
text replacement; an anchor that no longer matches the code stops the run (update the anchor).
``CAUGHT_BY`` names, per bug, the tests written to catch it; each line says which of them failed
("caught_by") and whether all did ("caught_as_expected").  ``--quick`` runs only those tests (seconds
per bug) instead of the whole folders.  Run on purpose (minutes per bug on 2 cores), not in the suite."""
import json, os, re, shutil, subprocess, sys
from pathlib import Path
import tempfile
SRC = Path(__file__).resolve().parents[1]; W = Path(tempfile.mkdtemp(prefix="planted-")) / "tree"
PUB = 'self.link.publish(device_topic(self.prefix, row.device_id, "cmd"), encode_json(row.command.payload()), qos=row.qos); '
BUGS = {
 "registry: lower seq accepted": ("console/core/fleet/registry.py", "newer = msg.seq > rec.seq", "newer = msg.seq != rec.seq",
    ["tests/core/fleet"]),
 "registry: offline Last Will ignored": ("console/core/fleet/registry.py", "        rec.online = online\n        self._touch(rec, now)\n", "        rec.online = True if online else rec.online\n        self._touch(rec, now)\n",
    ["tests/core/fleet", "tests/ui/devices/test_qt_fleet_filter.py"]),
 "Online only filter does nothing": ("console/ui/devices/qt_devices_panel.py", "if self.online_only and not (rec.online and model.link_up):", "if False:",
    ["tests/ui/devices/test_qt_fleet_filter.py", "tests/ui/shell/test_shell.py::test_filters_by_text_zone_and_online"]),
 "cancel allowed after SENT": ("console/core/commands/pipeline.py", "row.state is not S.QUEUED or command_id in self._sending", "row.state not in (S.QUEUED, S.SENT)",
    ["tests/core/commands"]),
 "publish before SENT is saved (replay/retry)": ("console/core/commands/pipeline.py",
    '                row = self.outbox.transition(row, S.SENT, detail=f"attempt {attempt}", attempts=attempt)\n',
    '                ' + PUB + 'row = self.outbox.transition(row, S.SENT, detail=f"attempt {attempt}", attempts=attempt)\n',
    ["tests/core/commands"]),
 "publish before SENT is saved (new command)": ("console/core/commands/pipeline.py",
    "                row = self.outbox.add_sent(cmd, qos)\n",
    '                self.link.publish(device_topic(self.prefix, cmd.device_id, "cmd"), encode_json(cmd.payload()), qos=qos); row = self.outbox.add_sent(cmd, qos)\n',
    ["tests/core/commands"]),
 "no ttl check just before sending": ("console/core/commands/pipeline.py", "if row.command.expired(now) and row.state in (S.QUEUED, S.SENT):", "if False:",
    ["tests/core/commands"]),
 "bundle ignores known secrets": ("console/core/envcheck/bundle.py", "known = [s for s in known_secrets if s]", "known = []",
    ["tests/core/envcheck", "tests/ui/doctor"]),
 "doctor report (CLI) not redacted": ("console/core/envcheck/main.py", "report = redact_obj(build_report(results), known)", "report = build_report(results)",
    ["tests/core/envcheck", "tests/ui/doctor"]),
 "doctor panel details not redacted": ("console/ui/doctor/qt_doctor_panel.py", 'self.details.setPlainText(redact("\\n".join(lines), self._secrets()))', 'self.details.setPlainText("\\n".join(lines))',
    ["tests/ui/doctor"]),
 "SENT not saved on retry": ("console/core/commands/pipeline.py",
    'row = self.outbox.transition(row, S.SENT, detail=f"attempt {attempt}", attempts=attempt)',
    'row = __import__("dataclasses").replace(row, state=S.SENT, attempts=attempt)',
    ["tests/core/commands"]),
 "rejected ack taken as success": ("console/core/commands/pipeline.py", "else S.REJECTED", "else S.SUCCEEDED",
    ["tests/core/commands"]),
 "no ttl check in the sweep": ("console/core/commands/pipeline.py", "if row.state in (S.QUEUED, S.SENT, S.DELIVERED) and row.command.expired(wall):", "if False:",
    ["tests/core/commands"]),
}
G = "tests/core/commands/test_pipeline_guards.py::"
CAUGHT_BY = {  # bug -> the tests that must fail when it is planted
 "registry: lower seq accepted": ["tests/core/fleet/test_registry.py::test_lower_seq_is_dropped_as_stale_and_higher_applied",
    "tests/core/fleet/test_registry_rules.py::test_a_stale_state_changes_nothing_and_says_why"],
 "registry: offline Last Will ignored": ["tests/core/fleet/test_registry.py::test_offline_last_will_is_applied_through_a_real_broker",
    "tests/core/fleet/test_registry_rules.py::test_online_starts_a_new_boot_and_accepts_the_next_state_once"],
 "Online only filter does nothing": ["tests/ui/devices/test_qt_fleet_filter.py::test_online_only_hides_offline_and_silent_devices"],
 "cancel allowed after SENT": [G + "test_a_command_cannot_be_cancelled_once_shown_as_sent"],
 "publish before SENT is saved (replay/retry)": [G + "test_nothing_is_published_when_sent_cannot_be_saved_on_replay"],
 "publish before SENT is saved (new command)": [G + "test_nothing_is_published_when_a_new_command_cannot_be_saved"],
 "no ttl check just before sending": [G + "test_the_ttl_is_checked_again_just_before_sending"],
 "bundle ignores known secrets": ["tests/core/envcheck/test_known_secrets.py::test_the_bundle_drops_known_secrets_in_any_shape"],
 "doctor report (CLI) not redacted": ["tests/core/envcheck/test_known_secrets.py::test_the_doctors_report_never_shows_the_known_secrets"],
 "doctor panel details not redacted": ["tests/ui/doctor/test_qt_doctor_secrets.py::test_details_and_copied_report_never_show_the_known_password"],
 "SENT not saved on retry": [G + "test_each_retry_is_saved_as_sent_before_it_goes_out"],
 "rejected ack taken as success": [G + "test_a_rejected_ack_over_mqtt_ends_rejected_never_succeeded"],
 "no ttl check in the sweep": [G + "test_the_sweep_expires_queued_commands_past_their_ttl_only"],
}
assert CAUGHT_BY.keys() == BUGS.keys()
def fresh():
    if W.exists(): shutil.rmtree(W)
    W.mkdir(parents=True)
    ig = shutil.ignore_patterns("__pycache__")
    for d in ("console", "tests", "resources"): shutil.copytree(SRC / d, W / d, ignore=ig)
    shutil.copy(SRC / "pyproject.toml", W / "pyproject.toml")
def run(tests):
    env = dict(os.environ, PYTHONPATH=str(W), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    chk = subprocess.run([str(SRC/".venv/bin/python"), "-c", "import console; print(console.__file__)"], cwd=W, env=env, capture_output=True, text=True).stdout.strip()
    assert chk.startswith(str(W)), chk
    p = subprocess.run([str(SRC/".venv/bin/python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", "--timeout", "120",
                        "--deselect", "tests/core/commands/test_pipeline_recovery.py::test_broker_killed_and_restarted_with_1000_commands_in_flight", *tests],
                       cwd=W, env=env, capture_output=True, text=True)
    return sorted(set(re.findall(r"^FAILED (\S+?)(?: - |$)", p.stdout, re.M))), p.stdout.strip().splitlines()[-1:]
quick = "--quick" in sys.argv[1:]
only = [a for a in sys.argv[1:] if a != "--quick"]
fresh()
for name, (path, old, new, tests) in BUGS.items():
    if only and not any(o in name for o in only): continue
    f = W / path; orig = f.read_text()
    assert orig.count(old) == 1, (name, orig.count(old))
    f.write_text(orig.replace(old, new))
    failed, tail = run(CAUGHT_BY[name] if quick else tests)
    f.write_text(orig)
    caught = [t for t in CAUGHT_BY[name] if t in failed]
    print(json.dumps({"bug": name, "failing": failed, "caught_by": caught,
                      "caught_as_expected": caught == CAUGHT_BY[name], "summary": tail}), flush=True)
