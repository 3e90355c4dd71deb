"""The form engine: a journey is a list of steps defined in code; answers so far live in a
server-side Draft as the raw data each step's form was given, and are validated again,
all together, before anything is submitted.

A journey module (forms_app/journeys/...) declares:

    class EheRegistration(JourneyDefinition):
        journey = FACTS.key  # its facts, declared above it (journeys/facts.py)
        schema_version = 1
        steps = [Step("child", _("About the child"), ChildForm), ...]

        def submitter(self, values):  # -> (name, email)

and registers it with @register. `values` is {step slug: cleaned data} (a list of cleaned
data for a repeating step) for the steps a person has answered and can see.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.forms.utils import ErrorDict
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from shared import times

from .uploads import ALLOWED

REGISTRY = {}


# Control characters other than tab and line breaks: nobody means to type them, a reader
# cannot see them, and PostgreSQL stores no NUL in text or JSON.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain_text(value):
    """What a person sent, without control characters: every answer posted to a step goes
    through here (flow._raw) before it is checked or kept."""
    return CONTROL_CHARACTERS.sub("", value)


def register(definition_class):
    REGISTRY[str(definition_class.journey)] = definition_class()
    return definition_class


def journey_for(code):
    return REGISTRY[str(code)]


class UploadField(forms.FileField):
    """A file question. The file is checked and stored when the step is sent; its answer
    is then the Attachment's id, so going back to the step does not ask for it again.
    kinds: what the question accepts, e.g. ("jpg", "png") for a photo (uploads.ALLOWED)."""

    def __init__(self, *, kinds, **kwargs):
        unknown = set(kinds) - set(ALLOWED)
        if unknown or not kinds:
            raise ValueError(f"Not kinds of file the council accepts: {sorted(unknown)}")
        self.kinds = tuple(kinds)
        super().__init__(**kwargs)


@dataclass
class Step:
    slug: str
    title: str
    form_class: type
    show_if: object = None  # callable(values) -> bool: is this step asked at all?
    exit_if: object = None  # callable(values) -> bool: stop here with exit_template
    exit_template: str = ""
    template: str = "forms_app/step.html"
    repeating: bool = False

    def visible(self, values):
        return self.show_if is None or bool(self.show_if(values))

    def upload_fields(self):
        return [
            name
            for name, form_field in self.form_class.base_fields.items()
            if isinstance(form_field, UploadField)
        ]


@dataclass
class RepeatingStep(Step):
    """ "Add another": a list of answers to the same form (parents, days of work)."""

    item_name: str = ""  # "parent or carer"
    items_name: str = ""  # "parents or carers"
    min_items: int = 1
    max_items: int = 10
    item_summary: object = None  # callable(cleaned) -> str shown in the list
    # callable(values) -> message or None: does the list as a whole add up? Asked when the
    # person says they have no more to add, and before check your answers.
    check_items: object = None
    repeating: bool = field(default=True, init=False)
    template: str = "forms_app/step.html"


def to_json(value):
    """Cleaned form values as JSON for Submission.answers."""
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


class JourneyDefinition:
    journey = None
    schema_version = 1
    steps = []
    # Only signed-in school users make it (for a school they act for): the draft is theirs,
    # and they are the submitter.
    for_school_users = False
    # What a person sends: "application", "referral" or "notice" (check answers and
    # emails say so).
    sends = "application"

    def submitter(self, values):
        raise NotImplementedError

    def own_email(self, values):
        """The email address the person gave as theirs, once they have ("" before): the
        save and come back later page offers it rather than asking for it again."""
        try:
            return self.submitter(values)[1] or ""
        except (KeyError, NotImplementedError):
            return ""

    def findings(self, values):
        """What the form worked out from the answers, in plain words, for the officer."""
        return []

    def flags(self, values):
        """Why the officer should read this first: facts.Flag reasons, [] when none. Read
        from the answers as sent (a submission's stored answers too), so defensively."""
        return []

    def clean_step(self, step, cleaned, values):
        """Rules across steps (an age on a start date, hours against a birthday): raise
        forms.ValidationError, or return nothing."""

    def school(self, values):
        """The school a submission concerns, when there is one."""
        return None

    def submitted(self, submission, values):
        """What else sending it starts, inside the transaction that saves it (a school's
        roll-change notice opens a child missing education case): so either both are
        kept or neither is. Called once, when the submission is first made."""

    def check_notes(self, values, today):
        """Said on check your answers above the answers (a notice that is late): a list of
        messages, [] when there is nothing to say."""
        return []

    # --- answers ------------------------------------------------------------------------

    def step(self, slug):
        for step in self.steps:
            if step.slug == slug:
                return step
        return None

    def bind(self, step, raw, values, attachments=None, user=None):
        # Drafts keep each field's values as a list, as a browser sends them.
        data = raw if isinstance(raw, MultiValueDict) else MultiValueDict(raw)
        form = step.form_class(data=data, values=values, attachments=attachments or {}, user=user)
        if form.is_valid():
            try:
                self.clean_step(step, form.cleaned_data, values)
            except forms.ValidationError as error:
                form.add_error(None, error)
        return form

    def values(self, draft, attachments=None):
        """Cleaned answers of every visible step that is answered and valid, in order.
        A step is judged with the answers before it, as when it was asked."""
        values = {}
        for step in self.steps:
            if not step.visible(values) or step.slug not in draft.answers:
                continue
            stored = draft.answers[step.slug]
            user = getattr(draft, "user", None)
            if step.repeating:
                items = [self.bind(step, raw, values, attachments, user) for raw in stored]
                if items and all(item.is_valid() for item in items):
                    values[step.slug] = [item.cleaned_data for item in items]
            else:
                form = self.bind(step, stored, values, attachments, user)
                if form.is_valid():
                    values[step.slug] = form.cleaned_data
        return values

    def visible_steps(self, values):
        return [step for step in self.steps if step.visible(values)]

    def first_incomplete(self, values):
        for step in self.visible_steps(values):
            if step.slug not in values:
                return step
            if step.repeating and len(values[step.slug]) < step.min_items:
                return step
            if step.repeating and step.check_items and step.check_items(values):
                return step
        return None

    def next_step(self, current, values):
        steps = self.visible_steps(values)
        slugs = [step.slug for step in steps]
        if current.slug in slugs:
            later = steps[slugs.index(current.slug) + 1 :]
            return later[0] if later else None
        return self.first_incomplete(values)

    def previous_step(self, current, values):
        steps = self.visible_steps(values)
        slugs = [step.slug for step in steps]
        if current.slug in slugs and slugs.index(current.slug) > 0:
            return steps[slugs.index(current.slug) - 1]
        return None

    def exit_for(self, values):
        for step in self.visible_steps(values):
            if step.slug in values and step.exit_if and step.exit_if(values):
                return step
        return None

    def summary(self, values, attachments=None, user=None):
        """Check-your-answers rows: per step, (label, shown value) pairs. A page with no
        questions (an explanation) adds no section."""
        sections = []
        for step in self.visible_steps(values):
            if step.slug not in values:
                continue
            answers = values[step.slug] if step.repeating else [values[step.slug]]
            items = []
            for cleaned in answers:
                form = step.form_class(values=values, attachments=attachments or {}, user=user)
                if not form.fields:
                    continue
                rows = []
                for name, form_field in form.fields.items():
                    if name in getattr(form, "summary_exclude", ()):
                        continue
                    rows.append(
                        (form_field.label, display(form_field, cleaned.get(name), attachments))
                    )
                items.append(rows)
            if items:
                sections.append({"step": step, "items": items})
        return sections


def _from_json(form_field, value):
    """A stored answer back as the type its field gives, for display."""
    if isinstance(value, str) and value:
        try:
            if isinstance(form_field, forms.MultiValueField) and len(value) == 10:
                return date.fromisoformat(value)
            if isinstance(form_field, forms.DateField):
                return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _label(key):
    return key.replace("_", " ").capitalize()


def _in_words(value):
    """An answer with no question to read it by, as words: never "True" or an ISO date."""
    if isinstance(value, str):
        try:
            return (
                display(None, date.fromisoformat(value))
                if len(value) == 10
                else value or _("Not given")
            )
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return ", ".join(str(_in_words(item)) for item in value) or _("Not given")
    return display(None, value)


def summary_of_answers(definition, answers, attachments=None):
    """What was sent, as stored (Submission.answers), laid out like check your answers.
    Nothing is validated again, so an answer that was right when sent (a performance date
    then in the future) still shows."""
    sections = []
    steps = {step.slug: step for step in definition.steps}
    for slug, stored in answers.items():
        step = steps.get(slug)
        items = stored if isinstance(stored, list) else [stored]
        fields = step.form_class(values={}, attachments=attachments or {}).fields if step else {}
        rendered = []
        for item in items:
            if not isinstance(item, dict) or not item:  # an explanation page: no answers
                continue
            rows = []
            for name, value in item.items():
                form_field = fields.get(name)
                if form_field is None:  # worked out by the form, or from an older version
                    rows.append((_label(name), _in_words(value)))
                else:
                    rows.append(
                        (
                            form_field.label,
                            display(form_field, _from_json(form_field, value), attachments),
                        )
                    )
            rendered.append(rows)
        if rendered:
            sections.append({"title": step.title if step else _label(slug), "items": rendered})
    return sections


def display(form_field, value, attachments=None):
    """An answer as a person would read it on check your answers."""
    if value in (None, "", [], ()):
        return _("Not given")
    if isinstance(form_field, UploadField):
        attachment = (
            (attachments or {}).get(value) if not hasattr(value, "original_name") else value
        )
        return attachment.original_name if attachment else _("Not given")
    choices = dict(getattr(form_field, "choices", []) or [])
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return times.day(value)
    if isinstance(value, time):
        return times.clock(value)
    return str(choices.get(value, value))


def _say_what_to_choose(form_field):
    """Django's "Select a valid choice. <what was sent> is not one of the available
    choices." repeats whatever was sent, however long; say what to do instead, as GOV.UK
    does: the question's own "Select ..." message."""
    messages = form_field.error_messages
    if messages.get("invalid_choice") not in DJANGO_INVALID_CHOICE:
        return  # the field says it its own way
    required = messages.get("required")
    messages["invalid_choice"] = (
        required if required not in DJANGO_REQUIRED else _("Select from the options given")
    )


DJANGO_INVALID_CHOICE = (
    forms.ChoiceField.default_error_messages["invalid_choice"],
    forms.MultipleChoiceField.default_error_messages["invalid_choice"],
)
DJANGO_REQUIRED = (forms.Field.default_error_messages["required"],)


class StepForm(forms.Form):
    """Base for every step's form: GOV.UK layout, and the context of earlier answers."""

    summary_exclude = ()

    def __init__(self, *args, values=None, attachments=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.values = values or {}
        self.attachments = attachments or {}
        self.user = user  # the signed-in school user, for journeys only they make
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        if not self.is_bound:  # asked for the first time: offer what was said before
            for name, value in self.earlier_answers().items():
                self.initial.setdefault(name, value)
        for name, form_field in self.fields.items():
            if isinstance(form_field, UploadField) and self.data.get(name) in self.attachments:
                form_field.required = False
                # The page carries the stored file's id (step.html); say which file it is.
                stored = self.attachments[self.data.get(name)]
                form_field.help_text = format_html(
                    "{} {}",
                    form_field.help_text,
                    _("You have uploaded %(name)s. Choose another file only to replace it.")
                    % {"name": stored.original_name},
                )

    def earlier_answers(self):
        """{field: value} of answers given at an earlier step that this step asks again
        (a parent's name and email at the contact step): shown filled in, to keep or
        change, never to type again (WCAG 3.3.7). Read from self.values."""
        return {}

    def full_clean(self):
        # Here rather than in __init__: some forms add their questions after it.
        for form_field in self.fields.values():
            if isinstance(form_field, forms.ChoiceField):
                _say_what_to_choose(form_field)
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        # An upload already stored answers with its Attachment id.
        for name, form_field in self.fields.items():
            if isinstance(form_field, UploadField) and not cleaned.get(name):
                stored = self.data.get(name)
                if stored in self.attachments:
                    cleaned[name] = stored
                elif form_field.required and name not in self.errors:  # said once only
                    self.add_error(name, form_field.error_messages["required"])
        return cleaned

    def hide_errors(self):
        """Show saved answers again without judging them (a step revisited, not sent)."""
        self.is_valid()
        self._errors = ErrorDict()
