"""Every public page of the demo, read in a real browser in Welsh, Polish, Romanian and
Urdu, passes axe, and at most 5% of the words a visitor sees are words of the English
page. Names are set aside (the council's, the service's, schools', places', languages' own names in the
switcher), and so are codes in capitals, numbers, and words the language's own catalogue
uses (Romanian "care", Polish "plan": spelt as English words, but not English here).

Left out on purpose: a school's list of agency contacts. What each agency writes about
itself is its own text, in English, marked lang="en" (WCAG 3.1.2)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import CouncilSettings
from portal.models import School
from training.models import Session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# What a visitor searches for, in each language: "attendance".
SEARCH = {
    "en": "attendance",
    "cy": "presenoldeb",
    "pl": "frekwencja",
    "ro": "frecvența",
    "ur": "حاضری",
}
# The names of statutes and of the government's guidance, as the privacy notice and
# guidance cite them: names, which stay in English in every language.
STATUTES = [
    "Education Act",
    "Children and Young Persons Act",
    "The Children (Performances and Activities) (England) Regulations",
    "Data Protection Act",
    "Working together to improve school attendance",
    "Department for Education",
    "UK GDPR",
    "Web Content Accessibility Guidelines",
]
LOCALE = Path(settings.BASE_DIR) / "portal" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>")
# Addresses are not words.
ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|org|com)\b")


def names():
    council = CouncilSettings.objects.first()
    texts = [council.council_name, council.service_name, council.phase, council.logo_text]
    texts += list(School.objects.values_list("name", flat=True))
    texts += list(School.objects.values_list("locality", flat=True))
    texts += list(Session.objects.values_list("venue", flat=True))  # places
    texts += list(get_document_model().objects.values_list("title", flat=True))  # files' names
    texts += [get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES]
    texts += STATUTES + ["Wyvern", "County", "Hall"]
    return {word.lower() for text in texts if text for word in WORD.findall(text)}


def own_words(code):
    """The words the language's own catalogue uses: a word such as Romanian "care" (who) or
    Polish "plan" is spelt as an English one, and is no sign of an untranslated page."""
    catalogue = polib.mofile(str(LOCALE / code / "LC_MESSAGES" / "django.mo"))
    texts = [entry.msgstr for entry in catalogue]
    texts += [text for entry in catalogue for text in entry.msgstr_plural.values()]
    return {word.lower() for text in texts for word in WORD.findall(PLACEHOLDER.sub(" ", text))}


def visible_words(page):
    """The words shown, but for addresses and what is set as code (cookies' names)."""
    text = page.evaluate(
        """() => {
            const body = document.body.cloneNode(true);
            body.querySelectorAll("code, script, style").forEach(node => node.remove());
            document.documentElement.appendChild(body);  // laid out, so innerText is as seen
            const text = body.innerText;
            body.remove();
            return text;
        }"""
    )
    return WORD.findall(ADDRESSES.sub(" ", text))


def counted(words, skip):
    """Words that count: not a name, not a code in capitals (DfE, DSLs), at least three
    letters."""
    return [
        w
        for w in words
        if len(w) >= 3 and sum(c.isupper() for c in w) < 2 and w.lower() not in skip
    ]


def public_pages():
    """The English demo's public pages (the home page's tree), and a search."""
    home = Page.objects.get(depth=2, locale__language_code="en")
    paths = [
        page.url_path.removeprefix(home.url_path)
        for page in home.get_descendants(inclusive=True).live().order_by("path")
    ]
    return ["/" + path for path in paths]


@pytest.mark.parametrize("code", ["cy", "pl", "ro", "ur"])
def test_at_most_five_percent_english_words(page, portal, code, assert_accessible):
    skip, own = names(), own_words(code)
    report = []
    paths = public_pages()
    assert len(paths) >= 35  # the whole demo tree: a shrunken demo would prove nothing
    for path in paths + ["/search/?type=pages&q="]:
        english_path = path + SEARCH["en"] if path.startswith("/search/") else path
        page.goto(portal + english_path)
        english = {w.lower() for w in visible_words(page)}
        local_path = f"/{code}" + (path + SEARCH[code] if path.startswith("/search/") else path)
        response = page.goto(portal + local_path)
        assert response.status == 200, local_path
        assert page.locator("html").get_attribute("lang") == code
        assert_accessible(page)  # every translated page passes axe too
        words = counted(visible_words(page), skip)
        same = [w for w in words if w.lower() in english and w.lower() not in own]
        share = len(same) / max(1, len(words))
        if share > 0.05:
            report.append(f"{local_path}: {share:.0%} of {len(words)} ({' '.join(same[:40])})")
    assert report == [], "English words on pages in " + code + ":\n" + "\n".join(report)
