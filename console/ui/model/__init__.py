"""The model view: load options, the worker thread, chat, and the live VRAM and latency graphs."""
