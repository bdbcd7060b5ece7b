"""Stage 5b, serve: REST API and web UI over the store (issue 6)."""
