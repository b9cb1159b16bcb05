"""The alerts view, the rules editor, the banner and the status-bar count (console.core.alerts)."""
