"""newsgraph (being assembled)."""
__version__ = "0.1.0"
