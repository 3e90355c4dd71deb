"""Wagtail hooks: caso."""
