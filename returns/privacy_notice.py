"""What the privacy notice says about reduced-timetable returns ("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

RETURNS = NoticeEntry(
    slug="returns",
    name=_("Reduced-timetable returns from schools"),
    collected=_(
        "For each pupil on a reduced timetable: their unique pupil number or initials, "
        "year group, the hours offered, the reason, the start, review and end dates, "
        "whether a parent agreed, and whether the pupil has special educational needs "
        "or a social worker."
    ),
    why=_(
        "{public}The Education Act 1996 and the Department for Education's statutory "
        "guidance, Working together to improve school attendance, ask us to check that "
        "reduced timetables are used only when needed and end as planned. {health}"
    ),
    shared=_(
        "No one outside the council's attendance service. Figures we publish are totals "
        "that name no pupil."
    ),
    kept=kept_after(
        "returns",
        _(
            "The pupils' details: %(period)s after the return was due. We keep, without "
            "them, that the school made its return."
        ),
    ),
)


def entries():
    return [RETURNS]
