"""One module per journey; importing them registers them with the engine."""

from . import chaperone, ehe, employment, performance, referral  # noqa: F401
