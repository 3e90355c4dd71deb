"""Wagtail hooks for guidance/, one module per part so each stays small."""

from . import caso, pages, review, strategy  # noqa: F401
