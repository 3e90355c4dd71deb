"""The direction and language template tags (shared/templatetags/bidi.py)."""

from django.template import Context, Template
from django.utils import translation


def render(source, **context):
    return Template("{% load bidi %}" + source).render(Context(context))


def test_ltr_isolates_and_escapes():
    assert render("{{ v|ltr }}", v="01632 960 123") == '<bdi dir="ltr">01632 960 123</bdi>'
    assert render("{{ v|ltr }}", v="<b>") == '<bdi dir="ltr">&lt;b&gt;</bdi>'
    assert render("{{ v|ltr }}", v="") == ""
    assert render("{{ v|ltr }}", v=None) == ""


def test_untranslated_marks_english_in_other_languages():
    with translation.override("en"):
        assert render("<p{% untranslated %}>") == "<p>"
    with translation.override("pl"):
        assert render("<p{% untranslated %}>") == '<p lang="en">'
    with translation.override("ur"):
        assert render("<p{% untranslated %}>") == '<p lang="en" dir="ltr">'
