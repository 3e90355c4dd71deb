"""Journeys in the visitor's language: a form page that exists only in English runs under
every language's prefix, with one draft whatever the language; the submission keeps the
applicant's language, and what we email them goes out in it."""

import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS_ALT

from forms_app.factories import SubmissionFactory
from forms_app.models import Draft, Submission
from home.factories import StandardPageFactory

from .conftest import Applicant
from .referral_fixtures import *  # noqa: F403  (the referral page and users)
from .referral_fixtures import answer_all, referral_answers


@pytest.fixture
def email_languages(monkeypatch):
    """The language each email was written in: (template, language) as each is rendered."""
    from portal import emails

    seen = []
    render = emails.render_to_string

    def spy(template_name, context):
        seen.append((template_name, translation.get_language()))
        return render(template_name, context)

    monkeypatch.setattr(emails, "render_to_string", spy)
    return seen


@pytest.fixture
def start(ehe_page):
    """The form page's English address (/forms/...: a request leaves its language active,
    and the page's address follows the active language)."""
    with translation.override("en"):
        return ehe_page.url


def in_polish(client, page):
    applicant = Applicant(client, page)
    with translation.override("en"):
        applicant.base = "/pl" + page.url
    return applicant


def switcher(html):
    return html.split('class="govuk-language-navigation__list"')[1].split("</ul>")[0]


def test_an_english_form_page_is_served_in_every_language(client, start, ehe_page, other_locales):
    for code in ("cy", "pl", "ro", "ur"):
        response = client.get(f"/{code}{start}")
        assert response.status_code == 200, code
        html = response.content.decode()
        assert f'<html lang="{code}"' in html
        # The start button leads to the first step in the same language.
        assert f'href="/{code}{start}step/child/"' in html


def test_other_english_only_pages_stay_english_only(
    client, home, start, ehe_page, other_locales, django_capture_on_commit_callbacks
):
    from home.demo import translate_page

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translate_page(home, "pl", {})  # a Polish home page, whose tree has no contact page
    StandardPageFactory(parent=home, slug="contact", title="Contact us")
    assert client.get("/contact/").status_code == 200
    assert client.get("/pl/contact/").status_code == 404
    assert client.get(f"/pl{start}").status_code == 200


def test_a_forged_language_prefix_is_not_a_language(client, start, ehe_page):
    assert client.get(f"/xx{start}").status_code == 404
    assert client.get(f"/en{start}").status_code == 404  # English has no prefix


def test_a_step_offers_every_language_for_the_same_step(client, start, ehe_page, other_locales):
    html = client.get(f"/pl{start}step/child/?change=1").content.decode()
    assert '<html lang="pl"' in html
    links = switcher(html)
    for code in ("cy", "ro", "ur"):
        target = quote(f"/{code}{start}step/child/?change=1", safe="")
        assert f'href="/language/{code}/?next={target}"' in links
    assert f'href="/language/en/?next={quote(start + "step/child/?change=1", safe="")}"' in (links)
    assert 'aria-current="true" lang="pl"' in links


def test_switching_language_mid_journey_keeps_the_answers_and_the_step(
    client, start, ehe_page, ehe_answers, other_locales
):
    polish = in_polish(client, ehe_page)
    location = polish.answer("step/child/", ehe_answers["step/child/"])
    assert location == f"/pl{start}step/address/"  # the next step, still in Polish
    # The switcher's Welsh link: the choice is kept, and the same step opens in Welsh.
    html = client.get(location).content.decode()
    welsh = re.search(r'href="(/language/cy/[^"]+)"', html).group(1).replace("&amp;", "&")
    response = client.get(welsh)
    assert response["Location"] == f"/cy{start}step/address/"
    assert response.cookies["django_language"].value == "cy"
    response = client.get(response["Location"])
    assert '<html lang="cy"' in response.content.decode()
    # The answers given in Polish are there in Welsh: one draft, whatever the language.
    welsh_child = client.get(f"/cy{start}step/child/").content.decode()
    assert 'value="Amira"' in welsh_child
    client.post(f"/cy{start}step/address/", ehe_answers["step/address/"])
    draft = Draft.objects.get()
    assert draft.answers["child"]["first_name"] == ["Amira"] and "address" in draft.answers
    assert draft.language == "cy"  # the language they answered in last


def test_errors_are_in_the_visitors_language(client, start, ehe_page, other_locales):
    response = client.post(f"/pl{start}step/child/", {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Błąd:" in html  # "Error:"
    assert "Wystąpił problem" in html  # "There is a problem"


def test_a_journey_in_polish_to_the_confirmation(
    client,
    start,
    ehe_page,
    ehe_answers,
    other_locales,
    email_languages,
    django_capture_on_commit_callbacks,
):
    polish = in_polish(client, ehe_page)
    for path, data in ehe_answers.items():
        location = polish.answer(path, data)
    assert location == f"/pl{start}check-your-answers/"
    check = polish.get("check-your-answers/").content.decode()
    assert '<html lang="pl"' in check and "Amira" in check
    with django_capture_on_commit_callbacks(execute=True):
        response = polish.post("check-your-answers/", {})
    assert response["Location"] == f"/pl{start}confirmation/"
    confirmation = polish.get("confirmation/").content.decode()
    submission = Submission.objects.get()
    assert '<html lang="pl"' in confirmation and submission.reference in confirmation
    assert submission.language == "pl"
    # The applicant's email in Polish, with the link in Polish; the service's in English.
    assert ("forms_app/email/confirmation.txt", "pl") in email_languages
    assert ("forms_app/email/service_notice.txt", "en") in email_languages
    to_applicant = next(m for m in mail.outbox if m.to == ["sara@example.com"])
    assert f"/pl{start}" in to_applicant.body


def test_findings_for_officers_are_in_english_whatever_the_language(
    client, ehe_page, ehe_answers, other_locales, monkeypatch
):
    from django.utils.translation import gettext_lazy

    from forms_app.engine import journey_for

    # A finding whose words the Polish catalogue has ("Sign in"), to see which is kept.
    definition = type(journey_for("ehe_registration"))
    monkeypatch.setattr(definition, "findings", lambda self, values: [gettext_lazy("Sign in")])
    polish = in_polish(client, ehe_page)
    for path, data in ehe_answers.items():
        polish.answer(path, data)
    polish.post("check-your-answers/", {})
    assert Submission.objects.get().findings == ["Sign in"]


def test_save_and_return_in_polish(
    client, start, ehe_page, ehe_answers, other_locales, django_capture_on_commit_callbacks
):
    polish = in_polish(client, ehe_page)
    polish.post("step/child/", {**ehe_answers["step/child/"], "save": ""})
    response = polish.post("save/", {})
    assert "Wpisz swój adres e-mail" in response.content.decode()  # "Enter your email address"
    with django_capture_on_commit_callbacks(execute=True):
        polish.post("save/", {"email": "sara@example.com"})
    body = mail.outbox[-1].body
    link = re.search(r"http://\S+/continue/\S+/", body).group(0)
    assert f"/pl{start}continue/" in link
    draft = Draft.objects.get()
    with translation.override("pl"):
        # The date in Polish, the month in the genitive: the email was written in Polish.
        month = str(MONTHS_ALT[timezone.localtime(draft.expires_at).month])
    assert f" {timezone.localtime(draft.expires_at).day} {month} " in body
    other_device = type(client)(HTTP_HOST="localhost")
    assert other_device.get(link)["Location"] == f"/pl{start}step/address/"


def test_officers_see_the_applicants_language_and_emails_go_out_in_it(
    client, home, ehe_officer, email_languages, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(submitter_name="Sara Khan", language="pl")
    client.force_login(ehe_officer)
    page = client.get(reverse("forms_app_submission:inspect", args=[submission.pk]))
    html = page.content.decode()
    assert "Applicant's language: Polish" in html
    url = reverse("forms_app_submission:status", args=[submission.pk])
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = {"confirmed": "yes", "current": "received"}
        client.post(url, {"status": "education_suitable", "note": "", **confirmed})
    assert email_languages == [("forms_app/email/decision.txt", "pl")]
    assert mail.outbox[0].to == ["sara@example.com"]


def test_a_school_referral_in_polish_and_its_outcome_email(
    client,
    referral_page,
    school,
    school_user,
    attendance_officer,
    other_locales,
    email_languages,
    django_capture_on_commit_callbacks,
):
    client.force_login(school_user)
    referrer = in_polish(client, referral_page)
    answer_all(referrer, referral_answers(school))
    check = referrer.get("check-your-answers/")
    assert check.status_code == 200 and '<html lang="pl"' in check.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        referrer.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.language == "pl"
    assert ("forms_app/email/confirmation.txt", "pl") in email_languages

    client.force_login(attendance_officer)
    url = reverse("forms_app_submission:outcome", args=[submission.pk])
    outcome = submission.Outcome.values[0]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"outcome": outcome, "reason": "Reason given.", "confirmed": "yes"})
    assert email_languages[-1] == ("forms_app/email/outcome.txt", "pl")


def test_an_english_form_page_under_urdu_marks_its_editors_text_as_english(
    client, start, ehe_page, other_locales
):
    body = client.get(f"/ur{start}").content.decode()
    assert f'<h1 class="govuk-heading-xl" lang="en" dir="ltr">{ehe_page.title}</h1>' in body
    english = client.get(start).content.decode()
    assert f'<h1 class="govuk-heading-xl">{ehe_page.title}</h1>' in english
