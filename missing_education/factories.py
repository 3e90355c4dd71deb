"""Factories for tests: a case (of a school's roll-change notice, by default) and an
enquiry."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from portal.factories import SchoolFactory

from .models import Case, Enquiry


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    first_name = "Tia"
    last_name = factory.Sequence(lambda n: f"Marsh{n}")
    last_school = factory.SubFactory(SchoolFactory)
    source = Case.Source.ROLL_CHANGE
    notice_reference = factory.Sequence(lambda n: f"ROLL-T{n:05d}")
    reason = "Left with no known destination."
    parents = "Dean Marsh (father), 07700 900456"
    next_step = "Ask the last school"
    next_step_due = factory.LazyFunction(timezone.localdate)


class EnquiryFactory(DjangoModelFactory):
    class Meta:
        model = Enquiry

    case = factory.SubFactory(CaseFactory)
    made_on = factory.LazyFunction(timezone.localdate)
    checks = ["last_school", "ctf"]
    contact = "Northshire County Council CME officer"
    outcome = "No Common Transfer File requested."
