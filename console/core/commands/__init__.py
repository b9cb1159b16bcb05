"""Commands to devices: the pipeline (validate, confirm, persist, publish, track), its SQLite outbox, the outbox migration and the resend of unassigned commands."""
