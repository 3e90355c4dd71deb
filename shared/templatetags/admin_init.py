"""The `script_json` filter of shared/admin_start.py, for the admin templates that
shared/templates/wagtailadmin/ overrides."""

from django import template

from shared.admin_start import script_json

register = template.Library()
register.filter("script_json", script_json)
