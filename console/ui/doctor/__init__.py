"""The doctor view: environment checks run in a child process, each row with a fix."""
