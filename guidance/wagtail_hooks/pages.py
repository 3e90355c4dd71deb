"""Wagtail hooks: pages."""
