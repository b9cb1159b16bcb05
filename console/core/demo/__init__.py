"""The demo: an embedded broker on loopback and the simulated fleet that speaks our protocol."""
