"""Finds what each service holds about a person, through the finders the apps register
with the `register_personal_data` hook (the contract is shared/personal_data.py)."""

from wagtail import hooks

from shared.personal_data import HOOK_NAME


def finders():
    return hooks.get_hooks(HOOK_NAME)


def find(query):
    """Everything every service holds that matches, grouped in the order apps registered."""
    found = []
    for finder in finders():
        found.extend(finder(query))
    return found
