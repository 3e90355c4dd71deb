import factory
import wagtail_factories

from .journeys.registry import Journey, prefix_of
from .models import FormPage, Submission
from .rules.reference import new_reference


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = "Tell us you are educating your child at home"
    slug = "home-education"
    journey = Journey.EHE_REGISTRATION
    introduction = "<p>Use this form to tell the council.</p>"
    privacy = "<p>We use your answers to carry out our duties.</p>"
    what_happens_next = "<p>An officer will contact you within 10 school days.</p>"


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    journey = Journey.EHE_REGISTRATION
    reference = factory.LazyAttribute(lambda s: new_reference(prefix_of(s.journey)))
    answers = factory.LazyFunction(lambda: {"contact": {"name": "Sara Khan"}})
    schema_version = 1
    submitter_name = "Sara Khan"
    submitter_email = "sara@example.com"
