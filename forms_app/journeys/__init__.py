"""One module per journey: its facts (registry.register) at the top, its questions
(engine.register) below. Every module of this package is imported here, so a new
journey's module is all it takes for the portal to list it."""

from importlib import import_module
from pkgutil import iter_modules

from . import registry

for _module in iter_modules(__path__):
    import_module(f"{__name__}.{_module.name}")
registry.all_registered()
