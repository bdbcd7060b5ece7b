"""Stage 2, clean: the article out of the page, and its metadata."""
