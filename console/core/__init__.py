"""Qt-free domain: the fleet, commands, the MQTT link, the demo, the assistant, inference and the doctor."""
