"""Wagtail hooks for guidance/, one module per part so each stays small."""

from . import caso, pages, strategy  # noqa: F401
