"""The message catalogues: every message translated in every language (none fuzzy), plurals
with each language's own forms, each translation keeping its message's placeholders and
markup, the compiled files current, and the catalogues current with the code
(`make messages` would change nothing)."""

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "portal" / "locale"
# The number of plural forms each language has (CLDR): Welsh six, Polish and Romanian three.
PLURAL_FORMS = {"cy": 6, "pl": 3, "ro": 3, "ur": 2}
# What a translation must keep from its message: Python and brace placeholders, HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")
TAG = re.compile(r"</?([a-z][a-z0-9]*)\b")


def _po(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _entries(language):
    return [entry for entry in _po(language) if not entry.obsolete]


def _translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = _entries(language)
    missing = [entry.msgid for entry in entries if not entry.translated()]
    fuzzy = [entry.msgid for entry in entries if entry.fuzzy]
    assert len(entries) > 1000
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_plurals_have_the_languages_own_forms(language):
    po = _po(language)
    count = PLURAL_FORMS[language]
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={count};")
    wrong = [
        entry.msgid
        for entry in _entries(language)
        if entry.msgid_plural
        and (len(entry.msgstr_plural) != count or not all(entry.msgstr_plural.values()))
    ]
    assert not wrong


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_translations_keep_their_placeholders_and_markup(language):
    wrong = []
    for entry in _entries(language):
        wanted = Counter(PLACEHOLDER.findall(entry.msgid))
        tags = Counter(TAG.findall(entry.msgid))
        if entry.msgid_plural:
            wanted.update(PLACEHOLDER.findall(entry.msgid_plural))
        for text in _translations(entry):
            found = Counter(PLACEHOLDER.findall(text))
            # A plural's form may leave its number out ("one day": "un diwrnod").
            lost = set(wanted) - set(found) if not entry.msgid_plural else set()
            added = set(found) - set(wanted)
            if lost or added or Counter(TAG.findall(text)) != tags:
                wrong.append(entry.msgid)
    assert not wrong, f"{len(wrong)} translations lose or add a placeholder or tag: {wrong[:5]}"


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_the_compiled_catalogue_is_current(language):
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    shipped = {(e.msgctxt, e.msgid): _translations(e) for e in compiled if e.msgid}
    written = {(e.msgctxt, e.msgid): _translations(e) for e in _entries(language)}
    assert shipped == written, "run `make messages` to compile the catalogues"


def test_the_catalogues_are_current_with_the_code(tmp_path):
    """Gathers the strings of a copy of the code as `make messages` does and compares the
    messages found with the catalogues'."""
    if not shutil.which("xgettext"):
        pytest.fail("gathering messages needs xgettext: apt-get install gettext")
    for path in ROOT.iterdir():
        if path.is_dir() and (path / "apps.py").exists() or path.name in {"templates", "portal"}:
            shutil.copytree(
                path,
                tmp_path / path.name,
                ignore=shutil.ignore_patterns("static_build", "static_src", "__pycache__"),
            )
    shutil.copy(ROOT / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--ignore=tests"]
        + [f"-l={language}" for language in PLURAL_FORMS],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    for language in PLURAL_FORMS:
        current = {
            (e.msgctxt, e.msgid)
            for e in polib.pofile(
                str(tmp_path / "portal/locale" / language / "LC_MESSAGES/django.po")
            )
            if not e.obsolete
        }
        written = {(e.msgctxt, e.msgid) for e in _entries(language)}
        assert current == written, (
            f"{language}: run `make messages`; new in the code: {sorted(current - written)[:5]}, "
            f"gone from it: {sorted(written - current)[:5]}"
        )
