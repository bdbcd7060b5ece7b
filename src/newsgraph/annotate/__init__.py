"""Stage 3, annotate: entities, quotes, dates and events (issue 3 on). Records carry empty lists until then."""
