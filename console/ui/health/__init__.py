"""The Health view: the console's own stability numbers against their targets, with small graphs."""
