"""The devices view: the live fleet table, click-to-command controls, the commands table and the audit log."""
