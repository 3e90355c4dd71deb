"""Hostile values at every step of every journey (hypothesis).

Every journey and every step comes from the engine's registry, so a new step is fuzzed
without a change here (a step that only shows after certain answers needs a variant below,
and the test says so). Each step gets very long strings, control characters, HTML and SQL
fragments, lists where one value is expected, numbers for dates, choices that do not exist
and missing fields; an upload gets files over the size limit, files whose content is not
what their name says, empty files and files with hostile names. Whatever is sent:

- the answer is never a server error;
- the step either moves on (a redirect) or shows the GOV.UK error summary with a short,
  clear message for each problem, and a required question left out is always an error;
- the hostile HTML never comes back unescaped: not on the step, nor when the step is seen
  again, nor on the "add another" list, nor on check your answers;
- what the draft stores has no control characters that a database refuses (PostgreSQL
  stores no NUL) or that a reader cannot see.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from forms_app import engine
from forms_app.flow import JourneyFlow
from forms_app.journeys.registry import Journey
from forms_app.models import Attachment, Draft, FormPage
from forms_app.uploads import sniff

from .conftest import EHE_ANSWERS
from .licensing_fixtures import *  # noqa: F403  (the licensing pages; uploads cleaned up)
from .licensing_fixtures import (
    EXECUTABLE,
    PDF,
    chaperone_answers,
    licence_answers,
    performance_day,
    permit_answers,
    png_bytes,
)
from .referral_fixtures import *  # noqa: F403  (the referral page and its school user)
from .referral_fixtures import referral_answers
from .roll_change_fixtures import *  # noqa: F403  (the roll-change page and its sender)
from .roll_change_fixtures import VARIANTS as ROLL_CHANGE_VARIANTS

EXAMPLES_PER_STEP = 12
FUZZ = hypothesis_settings(
    max_examples=EXAMPLES_PER_STEP,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Small, so that "over the limit" is quick to send; one test below sends a real 7MB+ file.
SMALL_UPLOAD_MAX = 16 * 1024

# --- what is sent ----------------------------------------------------------------------------

HTML = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "{{ request }}{% debug %}",
]
# What the HTML above looks like unescaped; none may ever appear in a page.
UNESCAPED = ("<script>alert(1)", "<img src=x onerror", "<svg/onload")
SQL = ["' OR 1=1 --", "'; DROP TABLE forms_app_draft; --", '" OR ""="', "1' UNION SELECT NULL--"]
CONTROL = ["\x00", "\x1b[31m", "\u202e", "\x08", "\x7f", "\x0b", "\ufeff", "\u2028", "\r\n", "\x85"]
WRONG = ["-1", "0", "1e308", "NaN", "99999999999999999999", "3.5", "٣", "true", "[]", "{}", "null"]
EDGES = ["1", "12", "31", "9999", "0001"]
# Real dates at the ends of the calendar (date arithmetic overflows there), and unreal ones.
DATES = [
    ("31", "12", "9999"),
    ("1", "1", "1"),
    ("1", "1", "0001"),
    ("29", "2", "2023"),
    ("0", "0", "0"),
    ("-1", "-1", "-2020"),
    ("32", "13", "2020"),
]
NO_SUCH_CHOICE = ["not-a-choice", "YES", "yes ", "on\x00", "other\x00"]
# What a draft may not keep: control characters other than tab and line breaks.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def repeated(piece, length):
    return (piece * (length // len(piece) + 1))[:length]


long_text = st.builds(
    repeated, st.sampled_from([*HTML, "a", "é", "\u202e"]), st.integers(10_000, 100_000)
)
short_hostile = st.sampled_from(HTML + SQL + CONTROL + WRONG + EDGES + NO_SUCH_CHOICE)
random_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def mixed(valid):
    """A value that passes a field's rules, with something hostile inside it."""
    return st.builds(
        lambda pieces, order: "".join(pieces[i] for i in order),
        st.tuples(st.just(valid), st.sampled_from(CONTROL), st.sampled_from(HTML)),
        st.permutations([0, 1, 2]),
    )


def one_value(valid, choices):
    options = [short_hostile, random_text, long_text]
    if valid is not None:
        options += [st.just(valid), mixed(valid)]
    if choices:
        options.append(st.sampled_from(choices))
    return st.one_of(options)


def key_values(valid, choices):
    """What one POST key carries: a value, several values (a list where one is expected),
    or nothing at all."""
    valid_list = valid if isinstance(valid, list) else ([valid] if valid is not None else [])
    single = one_value(valid_list[0] if valid_list else None, choices)
    options = [
        single.map(lambda value: [value]),
        st.lists(single, min_size=2, max_size=4),
        st.none(),
    ]
    if valid_list:
        options.append(st.just(valid_list))
    return st.one_of(options)


# --- files -----------------------------------------------------------------------------------


def zipped(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return bytearray(buffer.getvalue())


ODT = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<xml/>"}


def encrypted_zip():
    """An ODT whose entries say they need a password."""
    data = zipped(ODT)
    data[6] |= 1
    for start in (m.start() for m in re.finditer(rb"PK\x01\x02", bytes(data))):
        data[start + 8] |= 1
    return bytes(data)


def corrupt_zip():
    """An ODT whose compressed mimetype is garbage."""
    data = zipped({"mimetype": ODT["mimetype"] * 40, "content.xml": "<xml/>"})
    data[40:60] = b"\xff" * 20
    return bytes(data)


def unknown_method_zip():
    """An ODT compressed with a method nothing supports."""
    data = zipped(ODT, compression=zipfile.ZIP_STORED)
    data[8] = 99
    for start in (m.start() for m in re.finditer(rb"PK\x01\x02", bytes(data))):
        data[start + 10] = 99
    return bytes(data)


def mimetype_bomb():
    """An ODT whose mimetype entry unpacks to 4MB (a zip bomb, small)."""
    return bytes(zipped({"mimetype": ODT["mimetype"] + " " * 4_000_000}))


DOCX_PARTS = {"[Content_Types].xml": "<xml/>", "word/document.xml": "<xml/>"}
DOCX = bytes(zipped(DOCX_PARTS))

FILE_CONTENTS = {
    "a pdf": PDF,
    "a png": png_bytes(),
    "a docx": DOCX,
    "text": "Register – Zoë\n".encode(),
    "empty": b"",
    "a program": EXECUTABLE,
    "html": b"<html><script>alert(1)</script></html>",
    "an svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "a pdf with html and a zip after it": PDF + b"<html><script>alert(1)</script>" + DOCX,
    "a docx with macros": bytes(zipped({**DOCX_PARTS, "word/vbaProject.bin": b"\x00" * 64})),
    "a gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
    "not a zip": b"PK\x03\x04 not really a zip",
    "an encrypted zip": encrypted_zip(),
    "a corrupt zip": corrupt_zip(),
    "an unknown zip method": unknown_method_zip(),
    "a zip bomb": mimetype_bomb(),
    "too big": b"%PDF-1.4\n" + b"0" * (SMALL_UPLOAD_MAX + 1),
    "binary": b"\x00\x01\x02\x03" * 100,
}
FILE_NAMES = [
    "letter.pdf",
    "photo.png",
    "photo.jpg",
    "letter.docx",
    "notes.txt",
    "invoice.pdf.exe",
    '"><img src=x onerror=alert(1)>.pdf',
    "a\x00b.pdf",
    "\u202efdp.exe",
    "x" * 300 + ".pdf",
    "..\\..\\windows\\system32.pdf",
    "'; DROP TABLE forms_app_attachment; --.png",
]
CONTENT_TYPES = ["application/pdf", "image/png", "text/html", "application/x-msdownload", ""]

uploaded_file = st.builds(
    lambda content, name, kind: SimpleUploadedFile(name, content, content_type=kind),
    st.sampled_from(list(FILE_CONTENTS.values())),
    st.sampled_from(FILE_NAMES),
    st.sampled_from(CONTENT_TYPES),
)
upload_value = st.one_of(
    uploaded_file,
    st.lists(uploaded_file, min_size=2, max_size=3),  # two files for one question
    st.sampled_from(HTML + SQL + ["1", "999999", "-1"]),  # a stored file's id, forged
    st.none(),
)

# --- the journeys ------------------------------------------------------------------------------


@dataclass
class Variant:
    """A complete set of answers; a step that shows only after certain answers is fuzzed
    in the first variant that shows it."""

    name: str
    answers: object  # callable(school) -> [(path, data)]
    settings: dict = field(default_factory=dict)


def changed(answers, replace=None, remove=(), insert_after=None):
    """The (path, data) answers with some replaced, removed or added."""
    replace, insert_after = replace or {}, insert_after or {}
    result = []
    for path, data in answers:
        if path in remove:
            continue
        result.append((path, replace.get(path, data)))
        result += insert_after.get(path, [])
    return result


def ehe_answers(school=None):
    return list(EHE_ANSWERS.items())


def ehe_consent_needed(school=None):
    return changed(
        ehe_answers(),
        replace={"step/consent/": {"special_school": "yes", "attendance_order": "no"}},
        remove={"step/reasons/"},
        insert_after={"step/consent/": [("step/consent_request/", {"reasons": "A plan."})]},
    )


def ehe_register(school=None):
    return changed(
        ehe_answers(),
        replace={
            "step/consent/": {
                "special_school": "no",
                "attendance_order": "no",
                "child_protection": "no",
            }
        },
        insert_after={
            "step/reasons/": [("step/register/", {"educator": "Sara", "hours_per_week": "20"})]
        },
    )


def permit_workplace(school=None):
    return changed(
        permit_answers(),
        replace={"step/workplace_same/": {"same": "no"}},
        insert_after={
            "step/workplace_same/": [
                (
                    "step/workplace/",
                    {"line_1": "2 Quay Street", "town": "Wyvernton", "postcode": "WY1 9ZZ"},
                )
            ]
        },
    )


def licence_short_notice(school=None):
    return changed(
        licence_answers(first=date.today() + timedelta(days=10)),
        insert_after={"step/dates/": [("step/late/", {})]},
    )


def licence_night_work(school=None):
    first = date.today() + timedelta(days=40)
    evening = performance_day(first, arrives="19:30", leaves="23:30", performing="2:00")
    return changed(
        licence_answers(first=first, days=[evening]),
        insert_after={"step/days/": [("step/night_work/", {"reasons": "The show ends at 11pm"})]},
    )


def referral_no_support(school):
    return changed(
        referral_answers(school),
        replace={
            "step/support/": {"support": ["none"]},
            "step/request/": {"request": "prosecution_444_1", "previous_notices": "0"},
        },
        remove={"step/support_dates/"},
        insert_after={"step/outcome/": [("step/no_support/", {"reason": "No reply at all."})]},
    )


def referral_safeguarding(school):
    answers = dict(referral_answers(school))
    return changed(
        referral_answers(school),
        replace={"step/safeguarding/": dict(answers["step/safeguarding/"], missing="yes")},
        insert_after={"step/safeguarding/": [("step/dsl/", {})]},
    )


# Each journey: the fixture that opens its page (signed in, for the referral) and its answers.
JOURNEYS = {
    Journey.EHE_REGISTRATION: (
        "applicant",
        [
            Variant("usual", ehe_answers),
            Variant("consent needed", ehe_consent_needed),
            Variant(
                "children not in school register",
                ehe_register,
                {"PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER": True},
            ),
        ],
    ),
    Journey.EMPLOYMENT_PERMIT: (
        "permit_applicant",
        [
            Variant("usual", lambda school: permit_answers()),
            Variant("another workplace", permit_workplace),
        ],
    ),
    Journey.PERFORMANCE_LICENCE: (
        "licence_applicant",
        [
            Variant("usual", lambda school: licence_answers()),
            Variant("short notice", licence_short_notice),
            Variant("night work", licence_night_work),
        ],
    ),
    Journey.CHAPERONE_APPROVAL: (
        "chaperone_applicant",
        [Variant("usual", lambda school: chaperone_answers())],
    ),
    Journey.ATTENDANCE_REFERRAL: (
        "referrer",
        [
            Variant("usual", referral_answers),
            Variant("no support first", referral_no_support),
            Variant("safeguarding concern", referral_safeguarding),
        ],
    ),
    Journey.ROLL_CHANGE: (
        "sender",
        [Variant(name, answers) for name, answers in ROLL_CHANGE_VARIANTS],
    ),
}


def targets():
    """(journey, step, page) for every step; an "add another" step has two pages: one item
    and the list."""
    for code, definition in sorted(engine.REGISTRY.items()):
        for step in definition.steps:
            pages = ["item", "list"] if step.repeating else ["step"]
            for page in pages:
                yield pytest.param(code, step.slug, page, id=f"{code}-{step.slug}-{page}")


def test_every_journey_has_answers_to_fuzz_with():
    assert set(engine.REGISTRY) == {str(code) for code in JOURNEYS}


# --- setting up a step -----------------------------------------------------------------------


@dataclass
class Target:
    definition: object
    step: object
    applicant: object
    page: object
    user: object
    answers: dict  # step slug -> raw answers (a list of them for "add another")
    files: dict  # (step slug, field name) -> (name, content)
    session_key: str
    baseline: dict = field(default_factory=dict)  # POST key -> the valid values
    form: object = None

    def seed(self):
        """A fresh draft holding the variant's answers, opened in the client's session."""
        draft = Draft.objects.create(journey=self.page.journey, user=self.user)
        answers = {
            slug: [dict(item) for item in raw] if isinstance(raw, list) else dict(raw)
            for slug, raw in self.answers.items()
        }
        for (slug, name), (filename, content) in self.files.items():
            attachment = Attachment.objects.create(
                draft=draft,
                question=f"{slug}.{name}",
                file=SimpleUploadedFile(filename, content),
                original_name=filename,
                kind=sniff(SimpleUploadedFile(filename, content)),
                size=len(content),
            )
            answers[slug][name] = [str(attachment.pk)]
        draft.answers = answers
        draft.save()
        session = self.applicant.client.session
        session[self.session_key] = draft.token
        session.save()
        return draft

    def values(self, draft):
        draft.refresh_from_db()
        attachments = {str(a.pk): a for a in draft.attachments.all()}
        return self.definition.values(draft, attachments), attachments


def raw_answers(definition, answers):
    """The variant's (path, data) pairs as a draft keeps them: each field's values as a
    list, "add another" items in order, files apart (they become Attachments)."""
    raw, files = {}, {}
    for path, data in answers:
        parts = path.strip("/").split("/")
        step = definition.step(parts[1])
        if step.repeating and len(parts) == 2:
            continue  # the list's own question, "add another?", is not an answer
        item = {}
        for key, value in data.items():
            if key in step.upload_fields():
                content = value.read() if hasattr(value, "read") else PDF
                files[(step.slug, key)] = (getattr(value, "name", f"{key}.pdf"), content)
            else:
                item[key] = value if isinstance(value, list) else [value]
        if step.repeating:
            raw.setdefault(step.slug, []).append(item)
        else:
            raw[step.slug] = item
    return raw, files


@pytest.fixture
def target(request, code, slug, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = SMALL_UPLOAD_MAX
    definition = engine.journey_for(code)
    step = definition.step(slug)
    fixture_name, variants = JOURNEYS[Journey(code)]
    applicant = request.getfixturevalue(fixture_name)
    page = FormPage.objects.get(journey=code)
    user = request.getfixturevalue("school_user") if definition.for_school_users else None
    school = request.getfixturevalue("school")
    for variant in variants:
        changes = override_settings(**variant.settings)
        changes.enable()
        answers, files = raw_answers(definition, variant.answers(school))
        chosen = Target(
            definition,
            step,
            applicant,
            page,
            user,
            answers,
            files,
            JourneyFlow(page, SimpleNamespace(user=user)).session_key,
        )
        values, attachments = chosen.values(chosen.seed())
        if step.visible(values):
            # The variant is whole: check your answers shows what the fuzz stores.
            assert definition.first_incomplete(values) is None, variant.name
            assert definition.exit_for(values) is None, variant.name
            raw = answers.get(slug)
            chosen.baseline = (raw[0] if raw else {}) if step.repeating else (raw or {})
            # Its questions (some forms add theirs from earlier answers), asked once.
            chosen.form = step.form_class(values=values, attachments=attachments, user=user)
            request.addfinalizer(changes.disable)
            return chosen
        changes.disable()
    pytest.fail(f"No variant in JOURNEYS shows the step {code}/{slug}: add one that does")


# --- what a step's form is sent -----------------------------------------------------------------


def post_keys(form_field, name):
    widget = form_field.widget
    if hasattr(widget, "widgets_names"):
        return [name + suffix for suffix in widget.widgets_names]
    return [name]


def choice_values(form_field):
    return [str(key) for key, _label in getattr(form_field, "choices", []) or [] if key != ""]


@st.composite
def step_body(draw, form, baseline, upload_fields):
    """A POST body for a step's form: per field, hostile, valid, both or missing."""
    mode = draw(st.sampled_from(["fuzz", "fuzz", "valid with html", "save"]))
    body = {}
    for name, form_field in form.fields.items():
        if name in upload_fields:
            value = draw(upload_value)
            if value is not None:
                body[name] = value
            continue
        keys = post_keys(form_field, name)
        if len(keys) == 3 and mode != "save" and draw(st.booleans()):  # day, month, year
            body.update(zip(keys, ([part] for part in draw(st.sampled_from(DATES))), strict=True))
            continue
        for key in keys:
            valid = baseline.get(key)
            if mode == "valid with html":
                values = valid
                # Some text answers carry HTML (others stay as they were: a postcode with
                # HTML in is wrong, and the point is an answer that is kept).
                if valid and isinstance(form_field, engine.forms.CharField) and draw(st.booleans()):
                    values = [draw(mixed(valid[0]))]
            else:
                values = draw(key_values(valid, choice_values(form_field)))
            if values is not None:
                body[key] = values
    if draw(st.booleans()):  # names the form does not know
        extra = draw(st.sampled_from([*HTML, "x\x00y", "website_url", "change", "continue"]))
        body[extra] = draw(one_value(None, []))
    if mode == "save":
        body["save"] = ""
    return body


list_body = st.fixed_dictionaries({"add_another": key_values(None, ["yes", "no"])}).map(
    lambda body: {key: value for key, value in body.items() if value is not None}
)


# --- what must hold of every answer ----------------------------------------------------------------


def page_text(response):
    return response.content.decode("utf-8", "replace")


def assert_escaped(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    text = page_text(response)
    for unescaped in UNESCAPED:
        assert unescaped not in text, f"{where} shows {unescaped!r} unescaped"


ERRORS = re.compile(
    r'govuk-error-summary__list">(.*?)</ul>', re.DOTALL
)  # the summary's list of problems
ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


def assert_clear_errors(response, where):
    text = page_text(response)
    assert "govuk-error-summary" in text, f"{where}: shown again with no error summary"
    found = ERRORS.search(text)
    messages = [re.sub(r"<[^>]+>", "", item).strip() for item in ITEM.findall(found[1])]
    assert messages, f"{where}: an error summary with no message"
    for message in messages:
        # A clear error says what to do; it does not echo a page of what was typed.
        assert message and len(message) < 300, f"{where}: unclear error {message[:200]!r}"


def walk_strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_strings(item)
    elif isinstance(value, str):
        yield value


def assert_stored_cleanly(draft, where):
    draft.refresh_from_db()
    stored = list(walk_strings(draft.answers))
    stored += [attachment.original_name for attachment in draft.attachments.all()]
    for value in stored:
        assert not CONTROL_CHARACTER.search(value), f"{where} stored {value[:80]!r}"


def required_missing(form, body, upload_fields):
    """Is a question the person must answer missing from the body altogether?"""
    for name, form_field in form.fields.items():
        if not form_field.required:
            continue
        keys = post_keys(form_field, name)
        if name in upload_fields:
            if name not in body:
                return True
        elif not any(key in body for key in keys):
            return True
    return False


def follow_on(target, draft, response, body, where):
    """After an answer is kept, it shows escaped: saved for later (kept as sent, unchecked),
    on the step seen again; checked and kept, on the next page and check your answers."""
    assert_stored_cleanly(draft, where)
    if "save" in body:
        seen_again = f"step/{target.step.slug}/" + ("0/" if target.step.repeating else "")
        assert_escaped(target.applicant.get(seen_again), f"{where} seen again")
        return
    if not response["Location"].endswith("check-your-answers/"):  # a step, or the list
        next_page = target.applicant.client.get(response["Location"], follow=True)
        assert_escaped(next_page, f"{where} -> next page")
    assert_escaped(target.applicant.get("check-your-answers/", follow=True), f"{where} -> check")


# --- the fuzz ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code, slug, page", list(targets()))
@FUZZ
@given(data=st.data())
def test_hostile_values_at_every_step(target, code, slug, page, data):
    step, form = target.step, target.form
    draft = target.seed()
    where = f"{code}/{slug} ({page})"

    if page == "list":
        body = data.draw(list_body, label="body")
        response = target.applicant.post(f"step/{slug}/", body)
        assert_escaped(response, where)
        if response.status_code == 200:
            assert_clear_errors(response, where)
        else:
            assert response.status_code == 302, where
            follow_on(target, draft, response, body, where)
        return

    upload_fields = step.upload_fields()
    body = data.draw(step_body(form, target.baseline, upload_fields), label="body")
    if page == "item":
        items = target.answers.get(slug, [])
        path = f"step/{slug}/add/" if len(items) < step.max_items else f"step/{slug}/0/"
    else:
        path = f"step/{slug}/"
    response = target.applicant.post(path, body)
    assert_escaped(response, where)
    if response.status_code == 302:
        assert "save" in body or not required_missing(form, body, upload_fields), (
            f"{where}: moved on with a required question missing"
        )
        follow_on(target, draft, response, body, where)
    else:
        assert response.status_code == 200, f"{where}: {response.status_code}"
        if step.exit_template and step.exit_template in [t.name for t in response.templates]:
            return  # a valid answer that ends the journey (no licence is needed)
        assert_clear_errors(response, where)
        assert_stored_cleanly(draft, where)


# --- a real file over 7MB ---------------------------------------------------------------------------


def upload_targets():
    for code, definition in sorted(engine.REGISTRY.items()):
        for step in definition.steps:
            for name in step.upload_fields():
                yield pytest.param(code, step.slug, name, id=f"{code}-{step.slug}-{name}")


@pytest.mark.parametrize("code, slug, name", list(upload_targets()))
def test_a_real_file_over_7mb_is_refused(target, settings, code, slug, name):
    settings.PORTAL_UPLOAD_MAX_BYTES = 7 * 1024 * 1024
    target.seed()
    size = settings.PORTAL_UPLOAD_MAX_BYTES + 1
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (size - 9), "application/pdf")
    response = target.applicant.post(f"step/{slug}/", {name: big})
    assert response.status_code == 200
    assert_clear_errors(response, f"{code}/{slug}")
    assert "The selected file must be smaller than 7MB" in page_text(response)
    assert not Attachment.objects.filter(size__gte=size).exists()
