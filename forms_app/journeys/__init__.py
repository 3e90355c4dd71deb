"""One module per journey; importing them registers them with the engine."""

from . import ehe  # noqa: F401
