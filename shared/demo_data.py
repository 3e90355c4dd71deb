"""Demo content is data: YAML files in each app's `demo/` folder, read here. Each app's
small loader (its `demo.py`, registered with the "register_demo_content" hook) turns
what it reads into records."""

from functools import cache
from pathlib import Path

import yaml
from django.apps import apps


@cache
def _read(path):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


def load(app_label, name):
    """The data in `<app>/demo/<name>.yaml`, as plain lists and dicts (read once)."""
    path = Path(apps.get_app_config(app_label).path) / "demo" / f"{name}.yaml"
    return _read(str(path))
