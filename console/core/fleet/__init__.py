"""The fleet: the device catalog and the live registry of what each device reported (meta, state, status)."""
