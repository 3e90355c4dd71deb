"""What the privacy notice says about schools' self-assessments ("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

ASSESSMENTS = NoticeEntry(
    slug="assessments",
    name=_("School self-assessments"),
    collected=_(
        "The school's answers and the evidence it writes down, the names of the staff "
        "who worked on the assessment, and the school's action plan."
    ),
    why=_(
        "{public}The Department for Education's statutory guidance asks us to work with "
        "schools to improve attendance; the self-assessment is how a school tells us "
        "where it stands."
    ),
    shared=_(
        "The council's attendance officers and the school's governors. Other schools "
        "see only averages that name no school."
    ),
    kept=kept_after(
        "assessments",
        _(
            "%(period)s after it was submitted or last worked on. A school's latest "
            "submitted self-assessment is kept until it submits a newer one, because the "
            "next one starts from it."
        ),
    ),
)


def entries():
    return [ASSESSMENTS]
