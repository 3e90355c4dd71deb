import factory
import wagtail_factories
from wagtail.rich_text import RichText

from .models import AgencyContact, GuidanceIndexPage, GuidancePage, StrategyPage


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidanceIndexPage

    title = "Guidance"
    slug = "guidance"


class GuidancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidancePage

    title = factory.Sequence(lambda n: f"Guidance page {n}")
    summary = "What schools need to know."
    body = factory.LazyFunction(lambda: [("text", RichText("<p>Registers must be accurate.</p>"))])


class StrategyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StrategyPage

    title = "Attendance strategy"
    slug = "strategy"
    vision = "<p>Every child in school, every day.</p>"
    priorities = factory.LazyFunction(
        lambda: [
            (
                "priority",
                {
                    "title": "Relationships",
                    "summary": "Work together.",
                    "how": RichText("<p>Meet.</p>"),
                },
            )
        ]
    )


class AgencyContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyContact
        skip_postgeneration_save = True

    category = AgencyContact.Category.HEALTH
    service_name = factory.Sequence(lambda n: f"Agency service {n}")
    helps_with = "Health worries that keep children off school."
