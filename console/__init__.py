"""AutoGLM Console: an operator console for LLM-driven device control over MQTT."""

__version__ = "0.1.0"
