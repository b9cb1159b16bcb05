"""Where traces go and how many: the OTLP/HTTP endpoint (empty: tracing off, the default) and the
sampling ratio.  Read from the command line's ``--otlp-endpoint`` / ``--otlp-sample`` (which set
``AUTOGLM_OTLP_ENDPOINT`` / ``AUTOGLM_OTLP_SAMPLE``), else from ``telemetry.json`` in the user data
dir (the settings the operator keeps: ``{"otlp_endpoint": "...", "otlp_sample": 0.1}``)."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from console.core.jsonfiles import MiB, read_json_file
from console.core.protocol import ProtocolError

ENV_ENDPOINT = "AUTOGLM_OTLP_ENDPOINT"
ENV_SAMPLE = "AUTOGLM_OTLP_SAMPLE"
SETTINGS_FILE = "telemetry.json"
SETTINGS_MAX_BYTES = MiB  # two settings: a larger file is not ours


class TelemetryConfigError(ValueError):
    """A telemetry setting that cannot be used; the message says which and what to write instead."""


@dataclass(frozen=True)
class TelemetryConfig:
    endpoint: str = ""  # an OTLP/HTTP collector, e.g. http://collector:4318 ("": tracing off)
    sample: float = 1.0  # share of commands traced (0..1); a device follows the command's decision
    service_name: str = "autoglm-console"
    timeout_s: float = 5.0  # one export request

    @property
    def enabled(self) -> bool:
        return bool(self.endpoint)

    @property
    def traces_url(self) -> str:
        """The endpoint as the exporter wants it: a bare ``http://host:4318`` gets ``/v1/traces``."""
        parts = urlsplit(self.endpoint)
        if parts.path in ("", "/"):
            return self.endpoint.rstrip("/") + "/v1/traces"
        return self.endpoint

    def validate(self) -> "TelemetryConfig":
        if self.endpoint:
            parts = urlsplit(self.endpoint)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise TelemetryConfigError(
                    f"OTLP endpoint {self.endpoint!r} is not an http(s) URL: give the collector's OTLP/HTTP "
                    "address, e.g. http://127.0.0.1:4318 (or leave it empty to turn tracing off)")
        if not isinstance(self.sample, (int, float)) or not math.isfinite(self.sample) or not 0 <= self.sample <= 1:
            raise TelemetryConfigError(
                f"OTLP sampling ratio {self.sample!r} is not between 0 and 1: e.g. 1 traces every command, "
                "0.1 one in ten")
        return self

    @classmethod
    def from_values(cls, endpoint: str | None, sample: str | float | None, **kw) -> "TelemetryConfig":
        try:
            ratio = 1.0 if sample in (None, "") else float(sample)
        except (TypeError, ValueError):
            raise TelemetryConfigError(f"OTLP sampling ratio {sample!r} is not a number between 0 and 1") from None
        return cls(endpoint=(endpoint or "").strip(), sample=ratio, **kw).validate()

    @classmethod
    def load(cls, env: dict[str, str] | None = None, settings: Path | None = None, **kw) -> "TelemetryConfig":
        """The command line (environment) first, then the settings file; neither: off."""
        env = os.environ if env is None else env
        if env.get(ENV_ENDPOINT) is not None or env.get(ENV_SAMPLE) is not None:
            return cls.from_values(env.get(ENV_ENDPOINT), env.get(ENV_SAMPLE), **kw)
        if settings is None:
            from console.core.paths import user_data_dir

            settings = user_data_dir() / SETTINGS_FILE
        if not settings.is_file():
            return cls(**kw)
        try:  # the shared reader: a size cap, non-UTF-8 and nesting too deep named, never a traceback
            raw = read_json_file(settings, "the telemetry settings", SETTINGS_MAX_BYTES)
        except ProtocolError as exc:
            raise TelemetryConfigError(f"{exc}; tracing stays off until you fix or delete the file") from None
        if not isinstance(raw, dict):
            raise TelemetryConfigError(f"{settings} must hold a JSON object like "
                                       '{"otlp_endpoint": "http://127.0.0.1:4318", "otlp_sample": 1}')
        return cls.from_values(raw.get("otlp_endpoint"), raw.get("otlp_sample"), **kw)

    def save(self, settings: Path) -> None:
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps({"otlp_endpoint": self.endpoint, "otlp_sample": self.sample}, indent=2) + "\n",
                            encoding="utf-8")
