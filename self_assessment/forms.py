"""GOV.UK forms for an area page and for the action plan."""

import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.core.exceptions import SuspiciousOperation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shared.fields import DateField
from shared.templatetags.bidi import untranslated

from .models import LEVEL_NAMES, LEVELS, Action, AssessmentArea
from .scoring import Shown

MAX_EVIDENCE = 5000
# Every statement's fields are named <part>_<statement id>.
FIELD_NAME = re.compile(r"^(level|evidence|shown_level|shown_evidence|shown_revision)_(\d+)$")


def _lines(text):
    """Browsers send new lines as CRLF; store and compare them as LF."""
    return text.replace("\r\n", "\n").strip()


def data_from_answers(statements, answers):
    """Form data showing what is stored now, with the revisions it came from."""
    data = {}
    for statement in statements:
        answer = answers.get(statement.pk)
        level = str(answer.level) if answer and answer.level else ""
        evidence = answer.evidence if answer else ""
        data.update(
            {
                f"level_{statement.pk}": level,
                f"evidence_{statement.pk}": evidence,
                f"shown_level_{statement.pk}": level,
                f"shown_evidence_{statement.pk}": evidence,
                f"shown_revision_{statement.pk}": str(answer.revision if answer else 0),
            }
        )
    return data


def _framework_text(text):
    """What editors wrote in the framework, escaped, and marked as English on a page in
    another language (WCAG 3.1.2): the framework is not translatable yet."""
    return format_html("<span{}>{}</span>", untranslated(), text) if text else text


class AreaForm(forms.Form):
    """Per statement: the level (radios, each with its descriptor as a hint) and evidence
    notes, with what the page showed carried in hidden fields, so a save changes only what
    this person changed."""

    def __init__(self, *args, statements, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        layout = []
        for number, statement in enumerate(self.statements, start=1):
            pk = statement.pk
            self.fields[f"level_{pk}"] = forms.ChoiceField(
                # Safe: the catalogue's words around the statement, escaped by _framework_text.
                label=mark_safe(  # noqa: S308
                    _("%(number)s. %(text)s")
                    % {"number": number, "text": _framework_text(statement.text)}
                ),
                help_text=_framework_text(statement.guidance),
                choices=[
                    Choice(
                        str(level),
                        f"{level} – {LEVEL_NAMES[level]}",
                        hint=_framework_text(statement.descriptor(level)),
                    )
                    for level in LEVELS
                ],
                widget=forms.RadioSelect,
                required=False,
                error_messages={
                    "invalid_choice": _(
                        "Choose a level from 1 (not yet in place) to 4 (embedded) for statement %(number)s"
                    )
                    % {"number": number}
                },
            )
            self.fields[f"evidence_{pk}"] = forms.CharField(
                label=_("Evidence and notes for statement %(number)s") % {"number": number},
                help_text=statement.evidence_prompts,
                widget=forms.Textarea,
                required=False,
                max_length=MAX_EVIDENCE,
                error_messages={
                    "max_length": _(
                        "Evidence for statement %(number)s must be %(max)s characters or fewer"
                    )
                    % {"number": number, "max": MAX_EVIDENCE}
                },
            )
            for part in ("shown_level", "shown_evidence", "shown_revision"):
                self.fields[f"{part}_{pk}"] = forms.CharField(
                    required=False, widget=forms.HiddenInput, strip=False
                )
            answer = answers.get(pk)
            if answer and answer.carried_note:
                layout.append(
                    HTML(format_html('<div class="govuk-inset-text">{}</div>', answer.carried_note))
                )
            layout += [
                Field.radios(f"level_{pk}", legend_size=Size.MEDIUM, legend_tag="h2"),
                Field.textarea(f"evidence_{pk}", rows=3),
            ]
        self.helper.layout = Layout(*layout)

    def hidden_shown_fields(self):
        """Rendered by the template outside crispy's layout, so values keep newlines."""
        return [
            self[f"{part}_{statement.pk}"]
            for statement in self.statements
            for part in ("shown_level", "shown_evidence", "shown_revision")
        ]

    def clean(self):
        cleaned = super().clean()
        known = {statement.pk for statement in self.statements}
        for name in self.data:
            match = FIELD_NAME.match(name)
            if match and int(match.group(2)) not in known:
                raise forms.ValidationError(
                    _(
                        "This page included a statement that is not part of this area. "
                        "Reload the page and try again."
                    ),
                    code="unknown_statement",
                )
        return cleaned

    def shown(self):
        """{statement id: Shown}: what this person's page showed."""
        found = {}
        for statement in self.statements:
            pk = statement.pk
            try:
                revision = int(self.cleaned_data.get(f"shown_revision_{pk}") or 0)
                level = self.cleaned_data.get(f"shown_level_{pk}") or ""
                level = int(level) if level else None
            except ValueError as error:
                raise SuspiciousOperation("altered hidden fields") from error
            if level is not None and level not in LEVELS:
                raise SuspiciousOperation("altered hidden fields")
            evidence = _lines(self.cleaned_data.get(f"shown_evidence_{pk}") or "")
            found[pk] = Shown(level, evidence, revision)
        return found

    def sent(self):
        """{statement id: (level, evidence)}: what came back."""
        return {
            statement.pk: (
                int(self.cleaned_data[f"level_{statement.pk}"])
                if self.cleaned_data.get(f"level_{statement.pk}")
                else None,
                _lines(self.cleaned_data.get(f"evidence_{statement.pk}") or ""),
            )
            for statement in self.statements
        }

    def require_levels(self, answers):
        """Marking an area complete needs a level for every statement."""
        missing = 0
        for number, statement in enumerate(self.statements, start=1):
            answer = answers.get(statement.pk)
            if not (answer and answer.level):
                missing += 1
                self.add_error(
                    f"level_{statement.pk}",
                    _("Choose a level for statement %(number)s") % {"number": number},
                )
        return missing == 0


class ActionForm(forms.ModelForm):
    title = forms.CharField(
        label=gettext_lazy("What will you do?"),
        widget=forms.Textarea,
        max_length=300,
        error_messages={
            "required": gettext_lazy("Enter the action"),
            "max_length": gettext_lazy("The action must be 300 characters or fewer"),
        },
    )
    owner = forms.CharField(
        label=gettext_lazy("Who owns it?"),
        help_text=gettext_lazy("A name or a role, for example “attendance lead”."),
        max_length=120,
        error_messages={
            "required": gettext_lazy("Enter who owns the action"),
            "max_length": gettext_lazy("The owner must be 120 characters or fewer"),
        },
    )
    due_date = DateField(
        what=gettext_lazy("the due date"),
        label=gettext_lazy("When is it due?"),
        help_text=gettext_lazy("For example, 27 3 2027"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        initial=Action.Status.NOT_STARTED,
        error_messages={"required": gettext_lazy("Choose the action's status")},
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Area (optional)"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("No particular area"),
    )

    class Meta:
        model = Action
        fields = ["title", "owner", "due_date", "status", "area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = AssessmentArea.objects.all()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.textarea("title", rows=3),
            Field.text("owner"),
            Field("due_date"),
            Field.radios("status", legend_size=Size.SMALL),
            Field.select("area"),
        )
