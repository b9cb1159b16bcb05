"""The broker connection: the MQTT link (reconnect, backoff, topic routing), connection profiles and their secrets."""
