"""Stage 4, stories: near-duplicates, story clustering and the outlet comparison (issue 5)."""
