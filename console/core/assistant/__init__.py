"""The assistant: plain words (English, Chinese) to commands that are valid by construction."""
