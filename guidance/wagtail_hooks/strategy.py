"""Wagtail hooks: strategy."""
