"""Error messages and labels are worded in the language of the request that shows them,
not in the language that happened to be active when the form was first built."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from forms_app.journeys.referral import YEAR_GROUPS
from shared.fields import DateField, number, text


def test_messages_made_in_welsh_are_shown_in_english_to_an_english_visitor():
    with translation.override("cy"):
        fields = [
            DateField(what=_("the start date")),
            text(_("Full name")),
            number(_("Sessions"), what=_("the number of sessions")),
        ]
        welsh = [str(field.error_messages["required"]) for field in fields]
    with translation.override("en"):
        english = [str(field.error_messages["required"]) for field in fields]
    assert english == ["Enter the start date", "Enter full name", "Enter the number of sessions"]
    assert all(w != e for w, e in zip(welsh, english, strict=True))


def test_year_group_labels_follow_the_visitors_language():
    labels = dict(YEAR_GROUPS)
    with translation.override("en"):
        assert str(labels["year_7"]) == "Year 7"
    with translation.override("pl"):
        assert str(labels["year_7"]) != "Year 7"
