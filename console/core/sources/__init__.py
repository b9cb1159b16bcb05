"""Device sources besides PROTOCOL.md: Home Assistant MQTT discovery on the link, in the fleet and the pipeline."""
