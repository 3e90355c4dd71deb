"""Factories for tests and benchmarks: plausible figures from a few rates (the demo's
counts_for)."""

import factory
from factory.django import DjangoModelFactory

from portal.factories import SchoolFactory

from .demo import counts_for
from .models import AreaFigures, MeetingAction, SchoolFigures, SchoolStage, SupportMeeting


class SchoolFiguresFactory(DjangoModelFactory):
    class Meta:
        model = SchoolFigures

    school = factory.SubFactory(SchoolFactory)
    year = 2025
    half = 2

    @classmethod
    def _create(cls, model_class, *args, absence=5.0, pupils=300, persistent=15.0, **kwargs):
        values = counts_for(pupils, kwargs.get("half", 2), absence=absence, persistent=persistent)
        values.update(kwargs)
        return super()._create(model_class, *args, **values)


class AreaFiguresFactory(DjangoModelFactory):
    class Meta:
        model = AreaFigures

    area = AreaFigures.Area.NATIONAL
    phase = AreaFigures.ALL_SCHOOLS
    year = 2025
    half = 2

    @classmethod
    def _create(cls, model_class, *args, absence=6.8, pupils=100_000, persistent=18.0, **kwargs):
        values = counts_for(pupils, kwargs.get("half", 2), absence=absence, persistent=persistent)
        values.update(kwargs)
        return super()._create(model_class, *args, **values)


class SchoolStageFactory(DjangoModelFactory):
    class Meta:
        model = SchoolStage

    school = factory.SubFactory(SchoolFactory)
    year = 2025
    stage = SchoolStage.Stage.AUDIT


class SupportMeetingFactory(DjangoModelFactory):
    class Meta:
        model = SupportMeeting

    school = factory.SubFactory(SchoolFactory)
    year = 2025
    term = 1
    starts_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").timezone.utc)
    place = "Video call"


class MeetingActionFactory(DjangoModelFactory):
    class Meta:
        model = MeetingAction

    meeting = factory.SubFactory(SupportMeetingFactory)
    cohort = "Year 9"
    action = "Call home on the first day of absence"
    owner = "Attendance lead"
    due_on = factory.Faker("date_this_year")
