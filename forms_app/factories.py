import wagtail_factories

from .models import FormPage
from .services import Journey


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = "Tell us you are educating your child at home"
    slug = "home-education"
    journey = Journey.EHE_REGISTRATION
    introduction = "<p>Use this form to tell the council.</p>"
    privacy = "<p>We use your answers to carry out our duties.</p>"
    what_happens_next = "<p>An officer will contact you within 10 school days.</p>"
