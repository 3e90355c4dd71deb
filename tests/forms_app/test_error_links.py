"""Each link of an error summary goes to the first input of its question (GOV.UK: the day
of a date, the first radio or checkbox), never to a wrapper that cannot take focus."""

import re

from crispy_forms_gds.layout import Layout
from django import forms
from django.template.loader import render_to_string

from forms_app.engine import StepForm
from shared.fields import DateField, YesNoField


class Questions(StepForm):
    born = DateField(label="Date of birth", what="your date of birth")
    paid = YesNoField(label="Paid?", required_message="Select yes if you are paid")
    days = forms.MultipleChoiceField(
        label="Days",
        choices=[("mon", "Monday"), ("tue", "Tuesday")],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the days"},
    )
    name = forms.CharField(label="Name", error_messages={"required": "Enter your name"})

    def clean(self):
        cleaned = super().clean()
        if "name" not in self.errors:
            raise forms.ValidationError("Something about the whole page")
        return cleaned


def summary_links(form):
    form.is_valid()
    html = render_to_string("gds/layout/error_summary.html", {"form": form})
    return dict((text, href) for href, text in re.findall(r'<a href="#([^"]*)">([^<]*)</a>', html))


def test_a_date_links_to_its_day_a_radio_and_a_checkbox_to_the_first():
    links = summary_links(Questions(data={}))
    assert links["Enter your date of birth"] == "id_born_0"
    assert links["Select yes if you are paid"] == "id_paid_1"
    assert links["Select the days"] == "id_days_1"
    assert links["Enter your name"] == "id_name"


def test_a_date_that_is_not_real_links_to_its_day():
    form = Questions(data={"born_0": "31", "born_1": "2", "born_2": "2015"})
    assert summary_links(form)["Your date of birth must be a real date"] == "id_born_0"


def test_an_error_about_the_page_links_to_its_first_question_first_input():
    form = Questions(data={"name": "Sara"})
    assert summary_links(form)["Something about the whole page"] == "id_born_0"


def test_the_links_name_inputs_the_page_has(applicant):
    # On a real step: the date's link goes to an input that is on the page.
    page = applicant.post("step/child/", {"first_name": "Amira"}).content.decode()
    assert 'href="#id_date_of_birth_0"' in page
    assert re.search(r'<input[^>]*id="id_date_of_birth_0"', page)
    assert 'href="#id_date_of_birth"' not in page


def test_an_error_about_the_page_links_to_the_first_question_its_layout_shows():
    # The referral's declaration shows the name and role as text, not as questions: its
    # page-wide errors go to the checkbox it does show.
    form = Questions(data={"name": "Sara"})
    form.helper.layout = Layout("paid", "name")
    assert summary_links(form)["Something about the whole page"] == "id_paid_1"
