"""Alerts on live data: rules (``rules``), their evaluation (``engine``), alerts in SQLite (``store``),
the numbers the metric rules read (``metrics``), commands a rule proposes (``actions``) and the
retained alerts topic other consoles read (``share``).  Qt-free; docs/ALERTS.md is the guide."""
