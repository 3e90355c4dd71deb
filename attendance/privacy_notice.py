"""What the privacy notice says about the attendance service's targeting support meetings
("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

SUPPORT_MEETINGS = NoticeEntry(
    slug="support_meetings",
    name=_("Targeting support meetings with schools"),
    collected=_(
        "The notes of each termly meeting between the council and a school, and the "
        "actions agreed at it, each with its owner, due date and status. An action for "
        "one pupil names them by unique pupil number or initials only, never by name. "
        "We also keep each school's attendance figures and its stage in the three-stage "
        "monitoring, which are totals that name no pupil."
    ),
    why=_(
        "{public}The Department for Education's statutory guidance, Working together to "
        "improve school attendance, asks us to meet each school every term to agree "
        "actions for pupils who are persistently or severely absent, and to follow them up."
    ),
    shared=_(
        "The council's attendance officers, and the school's headteacher, attendance "
        "lead and governors. Figures we publish are totals that name no pupil."
    ),
    kept=kept_after(
        "support_meetings",
        _(
            "The meetings and their agreed actions: %(period)s after the meeting. The "
            "attendance figures and stages, which name no one, are kept."
        ),
    ),
)


def entries():
    return [SUPPORT_MEETINGS]
