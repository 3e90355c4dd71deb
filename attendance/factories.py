"""Factories for tests and benchmarks: plausible figures from a few rates."""

import factory
from factory.django import DjangoModelFactory

from portal.factories import SchoolFactory

from .models import AreaFigures, MeetingAction, SchoolFigures, SchoolStage, SupportMeeting


def counts_for(pupils, half, absence=5.0, persistent=15.0, severe=1.5, unauthorised_share=0.25):
    """Counts that give these rates (percentages) for the year to date at the end of
    `half`: about 60 possible sessions per pupil per half term."""
    possible = pupils * 60 * half
    absent = round(possible * absence / 100)
    unauthorised = round(absent * unauthorised_share)
    authorised = absent - unauthorised
    illness = round(authorised * 0.6)
    medical = round(authorised * 0.15)
    holiday = round(authorised * 0.05)
    late = round(unauthorised * 0.2)
    unauth_holiday = round(unauthorised * 0.3)
    return {
        "pupils_on_roll": pupils,
        "possible_sessions": possible,
        "authorised_illness": illness,
        "authorised_medical": medical,
        "authorised_holiday": holiday,
        "authorised_other": authorised - illness - medical - holiday,
        "unauthorised_holiday": unauth_holiday,
        "unauthorised_late": late,
        "unauthorised_other": unauthorised - late - unauth_holiday,
        "persistent_absentees": round(pupils * persistent / 100),
        "severe_absentees": round(pupils * severe / 100),
    }


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
