"""The assistant view: type what should happen, preview the commands, confirm."""
