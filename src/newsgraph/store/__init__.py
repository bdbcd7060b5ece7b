"""Stage 5a, store: the SQLite knowledge base (issue 6)."""
