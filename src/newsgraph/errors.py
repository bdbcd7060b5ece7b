"""The exception tree of newsgraph.

    NewsgraphError
    ├── InputError          a document that cannot be read: binary, empty, undecodable, too large
    └── ConfigError         a setting that makes no sense

A batch never stops on an `InputError`: the pipeline turns it into an error record.
"""

__all__ = ["ConfigError", "InputError", "NewsgraphError"]


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """One document cannot be processed; the message says why, in words a user can act on."""


class ConfigError(NewsgraphError):
    """A configuration value is out of range or unknown."""
