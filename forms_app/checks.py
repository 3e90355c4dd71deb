"""`manage.py check` (and so every start and CI) refuses journeys whose facts are missing
or contradict each other (forms_app/journeys/registry.py)."""

from django.core import checks

from .journeys.registry import problems


@checks.register()
def journey_facts(app_configs, **kwargs):
    return [checks.Error(problem, id="forms_app.E001") for problem in problems()]
