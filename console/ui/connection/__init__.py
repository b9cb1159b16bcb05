"""Connection profiles in the GUI: the dialog, their storage in QSettings (passwords in the keyring), and restarting the console on another profile."""
