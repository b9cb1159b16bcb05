"""Model runtime: loading, decoding, engines (Qt-free)."""
