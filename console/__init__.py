"""AutoGLM Console: an operator console for LLM-driven device control over MQTT."""


def __getattr__(name: str) -> str:
    """``console.__version__``: pyproject.toml's version (console.core.versions.app_version), read when asked."""
    if name == "__version__":
        from console.core.versions import app_version

        return app_version()
    raise AttributeError(f"module 'console' has no attribute {name!r}")
