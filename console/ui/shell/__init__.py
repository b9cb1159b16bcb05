"""The main window and what holds it together: application start, status bar, link status, connection profiles, error and restart boxes."""
