"""Every journey's facts, collected. Each journey module registers its JourneyFacts here,
and the rest of the forms reads them from here: the choices drafts, submissions and form
pages store, which service works a submission and its reference prefix, how long it is
kept, the outcomes officers may record, the erasure rule and the privacy notice's entries.

forms_app/journeys/__init__.py imports every module of the package, so by the time
anything asks, every journey has registered."""

from dataclasses import replace
from functools import cache

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

from portal.groups import SERVICE_OF_GROUP
from shared.privacy_notice import duration

from ..engine import REGISTRY as DEFINITIONS  # each journey's questions
from .facts import Flag, Status

REGISTRY = {}
_complete = False  # until forms_app/journeys/__init__.py has imported every journey


def register(facts):
    if facts.key in REGISTRY:
        raise ValueError(f"Two journeys say they are {facts.key!r}")
    REGISTRY[facts.key] = facts
    return facts


def all_registered():
    global _complete
    _complete = True


def journeys():
    """Every journey's facts, in their order."""
    return sorted(REGISTRY.values(), key=lambda facts: facts.order)


def facts_of(key):
    return REGISTRY[str(key)]


def service_of(key):
    return facts_of(key).service


def prefix_of(key):
    return facts_of(key).prefix


def services():
    """The services that work submissions, in the order of their first journey."""
    return list(dict.fromkeys(facts.service for facts in journeys()))


def retention_days(service):
    """How long a service's submissions are kept after they last changed: the setting
    when it names the service, else what the service's journeys declare."""
    override = getattr(settings, "PORTAL_RETENTION_DAYS", {}).get(service)
    if override:
        return override
    return next(facts.retention_days for facts in journeys() if facts.service == service)


def outcome_choices():
    """(code, label) of every outcome any journey records (Submission.outcome)."""
    outcomes = {}
    for facts in journeys():
        for outcome in facts.outcomes:
            outcomes.setdefault(outcome.code, outcome.label)
    return list(outcomes.items())


@cache
def _journey_choices():
    if not _complete:
        raise RuntimeError("Journey asked for before every journey registered")
    # Members named after the keys (Journey.EHE_REGISTRATION is "ehe_registration").
    return models.TextChoices(
        "Journey", [(facts.key.upper(), (facts.key, facts.name)) for facts in journeys()]
    )


def __getattr__(name):
    # `Journey`, the choices drafts, submissions and form pages store, is made from the
    # facts once they have all registered.
    if name == "Journey":
        return _journey_choices()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- the privacy notice ------------------------------------------------------------------


def _kept(service):
    def kept():
        return _(
            "%(period)s after the application or notice was last changed. A form you start "
            "but do not send is deleted %(draft)s after you last saved it."
        ) % {
            "period": duration(retention_days(service)),
            "draft": duration(settings.PORTAL_DRAFT_DAYS),
        }

    return kept


def notice_entries():
    """Each journey's privacy notice entry, its period worked out from its retention."""
    return [replace(facts.notice, kept=_kept(facts.service)) for facts in journeys()]


# --- are the facts complete? ---------------------------------------------------------------

REFERENCE_MAX = 16  # Submission.reference: the prefix, "-" and 8 characters


def problems():
    """What is missing or contradictory in the journeys' facts, in words; [] when none.
    Run by the system checks (forms_app/checks.py) and the tests."""
    found = []
    say = found.append
    groups_work = set(SERVICE_OF_GROUP.values())
    prefixes, slugs, outcomes, retention = {}, {}, {}, {}
    for facts in journeys():
        key = facts.key
        if not facts.name:
            say(f"{key}: no name")
        if facts.service not in groups_work:
            say(f"{key}: service {facts.service!r} is worked by no group (portal/groups.py)")
        if not (facts.prefix.isalpha() and facts.prefix.isupper()):
            say(f"{key}: the reference prefix {facts.prefix!r} is not capital letters")
        elif len(facts.prefix) + 9 > REFERENCE_MAX:
            say(f"{key}: the reference prefix {facts.prefix!r} is too long")
        if facts.prefix in prefixes:
            say(f"{key}: reference prefix {facts.prefix!r} is {prefixes[facts.prefix]}'s too")
        prefixes.setdefault(facts.prefix, key)
        if not (isinstance(facts.retention_days, int) and facts.retention_days > 0):
            say(f"{key}: no retention period")
        elif retention.setdefault(facts.service, facts.retention_days) != facts.retention_days:
            say(f"{key}: its retention differs from the other {facts.service} journeys'")
        notice = facts.notice
        for part in ("slug", "name", "collected", "why", "shared"):
            if not getattr(notice, part, ""):
                say(f"{key}: the privacy notice entry has no {part}")
        if notice.slug in slugs:
            say(f"{key}: privacy notice slug {notice.slug!r} is {slugs[notice.slug]}'s too")
        slugs.setdefault(notice.slug, key)
        if not facts.statuses or not set(facts.statuses) <= set(Status):
            say(f"{key}: its statuses are not among Status")
        elif not set(facts.told) <= set(facts.statuses):
            say(f"{key}: it emails about statuses it may not have")
        if not set(facts.may_flag) <= set(Flag):
            say(f"{key}: the flags it may raise are not among Flag")
        for outcome in facts.outcomes:
            if not (outcome.code and outcome.label):
                say(f"{key}: an outcome with no code or label")
            elif outcomes.setdefault(outcome.code, outcome.label) != outcome.label:
                say(f"{key}: outcome {outcome.code!r} means something else in another journey")
        if not callable(facts.erasure):
            say(f"{key}: no erasure rule")
        if key not in DEFINITIONS:
            say(f"{key}: no steps registered with the engine")
    found.extend(
        f"{key}: steps registered with the engine but no facts"
        for key in DEFINITIONS
        if key not in REGISTRY
    )
    return found
