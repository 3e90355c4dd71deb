"""Each journey declares its facts once (forms_app/journeys/<journey>.py), and everything
else reads them: a journey whose facts are missing or contradict another's is refused by
the system checks, so adding a journey is its module, its templates and its tests."""

from dataclasses import replace

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from forms_app import engine
from forms_app.journeys import registry
from forms_app.journeys.facts import Outcome, Status
from forms_app.journeys.registry import Journey
from forms_app.models import Draft, FormPage, Submission
from portal.groups import SERVICE_OF_GROUP
from shared.privacy_notice import entries


def test_every_registered_journey_has_complete_facts():
    assert registry.problems() == []
    journeys = registry.journeys()
    assert [facts.key for facts in journeys] == [
        "ehe_registration",
        "employment_permit",
        "performance_licence",
        "chaperone_approval",
        "attendance_referral",
        "roll_change",
    ]
    prefixes = [facts.prefix for facts in journeys]
    assert len(set(prefixes)) == len(prefixes)
    for facts in journeys:
        assert facts.service in SERVICE_OF_GROUP.values()
        assert facts.retention_days > 0
        assert facts.statuses
        assert facts.notice.collected and facts.notice.why and facts.notice.shared
        assert facts.key in engine.REGISTRY


def test_the_rest_of_the_portal_reads_the_facts():
    journeys = registry.journeys()
    stored = [(facts.key, facts.name) for facts in journeys]
    for model in (Draft, Submission, FormPage):
        assert model._meta.get_field("journey").choices == stored
    assert Journey.EMPLOYMENT_PERMIT == "employment_permit"
    referral = registry.facts_of(Journey.ATTENDANCE_REFERRAL)
    assert Submission._meta.get_field("outcome").choices == [
        (outcome.code, outcome.label) for outcome in referral.outcomes
    ]
    notice = [entry.slug for entry in entries()]
    assert notice[: len(journeys)] == [facts.notice.slug for facts in journeys]
    assert registry.services() == ["ehe", "licensing", "attendance", "pupil_tracking"]


def test_settings_may_override_a_services_retention(settings):
    settings.PORTAL_RETENTION_DAYS = {}
    assert registry.retention_days("licensing") == 365 * 3
    settings.PORTAL_RETENTION_DAYS = {"licensing": 365 * 4}
    assert registry.retention_days("licensing") == 365 * 4
    assert registry.retention_days("ehe") == 365 * 7


def new(**facts):
    """A new journey, like home education's but complete in itself, with `facts` changed."""
    ehe = registry.facts_of("ehe_registration")
    notice = replace(ehe.notice, **{"slug": "x", **facts.pop("notice", {})})
    return replace(ehe, **{"key": "x", "order": 99, "prefix": "XYZ", "notice": notice, **facts})


BROKEN = {
    "prefix taken": lambda: new(prefix="CEP"),
    "prefix not capital letters": lambda: new(prefix="X-1"),
    "prefix too long": lambda: new(prefix="ABCDEFGH"),
    "service no group works": lambda: new(service="housing"),
    "no name": lambda: new(name=""),
    "no retention": lambda: new(retention_days=0),
    "retention unlike its service's": lambda: new(retention_days=365),
    "no notice of what is collected": lambda: new(notice={"collected": ""}),
    "no notice of why": lambda: new(notice={"why": ""}),
    "no notice of who sees it": lambda: new(notice={"shared": ""}),
    "notice entry taken": lambda: new(notice={"slug": "ehe"}),
    "no statuses": lambda: new(statuses=()),
    "emails about a status it may not have": lambda: new(
        statuses=(Status.RECEIVED, Status.CLOSED), told=frozenset({Status.APPROVED})
    ),
    "a flag that is not a Flag": lambda: new(may_flag=("urgent",)),
    "an outcome unlike another journey's": lambda: new(
        outcomes=(Outcome("declined", "Turned down"),)
    ),
    "no erasure rule": lambda: new(erasure=None),
}


@pytest.mark.parametrize("what", BROKEN)
def test_a_journey_missing_a_fact_is_refused(what, monkeypatch):
    broken = BROKEN[what]()
    monkeypatch.setitem(registry.REGISTRY, broken.key, broken)
    # Its questions exist, so that only the fact named is wrong.
    monkeypatch.setitem(engine.REGISTRY, broken.key, engine.REGISTRY["ehe_registration"])
    found = registry.problems()
    assert len(found) == 1 and found[0].startswith("x: "), found
    with pytest.raises(SystemCheckError, match="forms_app.E001"):
        call_command("check")


def test_a_complete_new_journey_passes(monkeypatch):
    monkeypatch.setitem(registry.REGISTRY, "x", new())
    monkeypatch.setitem(engine.REGISTRY, "x", engine.REGISTRY["ehe_registration"])
    assert registry.problems() == []


def test_facts_and_questions_go_together(monkeypatch):
    monkeypatch.setitem(registry.REGISTRY, "x", new())
    assert registry.problems() == ["x: no steps registered with the engine"]
    monkeypatch.delitem(registry.REGISTRY, "x")
    monkeypatch.setitem(engine.REGISTRY, "y", engine.REGISTRY["ehe_registration"])
    assert registry.problems() == ["y: steps registered with the engine but no facts"]
