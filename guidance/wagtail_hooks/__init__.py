"""Wagtail hooks for guidance/, one module per part so each stays small."""

from . import assessment_help, caso, pages, review, strategy  # noqa: F401
