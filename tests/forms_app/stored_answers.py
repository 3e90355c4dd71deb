"""A submission's stored answers (Submission.answers, as to_json kept them) put back through
its journey's questions: are they valid and complete, as the form would have them?"""

import re

from django import forms
from django.utils.datastructures import MultiValueDict

from forms_app.engine import journey_for
from forms_app.models import Draft
from shared.fields import YesNoField

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")


def typed(form_class, stored):
    """One step's stored answers as a browser would send them: a date as its three boxes,
    yes or no as the radios send them, a ticked box as "on", a time as 07:50."""
    fields = form_class.base_fields
    data = {}
    for name, value in stored.items():
        field = fields.get(name)
        if value is None:
            continue
        if isinstance(value, bool):
            if isinstance(field, forms.BooleanField):
                if value:
                    data[name] = ["on"]
            else:  # a yes or no question, some added by the form itself (light_work)
                assert field is None or isinstance(field, YesNoField), name
                data[name] = ["yes" if value else "no"]
        elif isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif isinstance(value, str) and ISO_DATE.fullmatch(value):
            year, month, day = value.split("-")
            data.update(
                {f"{name}_0": [str(int(day))], f"{name}_1": [str(int(month))], f"{name}_2": [year]}
            )
        elif isinstance(value, str) and ISO_TIME.fullmatch(value):
            data[name] = [value[:5]]
        else:
            data[name] = [str(value)]
    return data


def problems(journey, answers, attachments=None, user=None):
    """What is wrong with stored answers, in words: [] when every step is valid, none is
    missing and none is left over."""
    definition = journey_for(journey)
    steps = {step.slug: step for step in definition.steps}
    raw = {}
    found = []
    for slug, stored in answers.items():
        step = steps.get(slug)
        if step is None:
            found.append(f"{slug}: no such step")
            continue
        items = stored if step.repeating else [stored]
        typed_items = [typed(step.form_class, item) for item in items]
        raw[slug] = typed_items if step.repeating else typed_items[0]
    draft = Draft(journey=journey, answers=raw, user=user)
    values = definition.values(draft, attachments or {})
    for slug in raw:
        if slug not in values:
            step = steps[slug]
            # Bound again to say why, with the answers before it (as values() does).
            before = {key: value for key, value in values.items() if key != slug}
            items = raw[slug] if step.repeating else [raw[slug]]
            for item in items:
                form = definition.bind(step, MultiValueDict(item), before, attachments or {})
                if not form.is_valid():
                    found.append(f"{slug}: {dict(form.errors)}")
            if all(
                definition.bind(step, MultiValueDict(item), before, attachments or {}).is_valid()
                for item in items
            ):
                found.append(f"{slug}: answered, but not asked given the answers before it")
    missing = definition.first_incomplete(values)
    if missing is not None:
        found.append(f"{missing.slug}: not answered")
    exit_step = definition.exit_for(values)
    if exit_step is not None:
        found.append(f"{exit_step.slug}: the form would have stopped here")
    return found
