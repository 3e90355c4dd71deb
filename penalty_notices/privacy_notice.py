"""What the privacy notice says about the penalty notice register
("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

PENALTY_NOTICES = NoticeEntry(
    slug="penalty_notices",
    name=_("The penalty notice register"),
    collected=_(
        "For each penalty notice the council issues for a child's absence from school: the "
        "parent's name and address; the child's name, date of birth, school and, if known, "
        "unique pupil number; the dates of the absence; and whether the notice was paid, "
        "withdrawn or led to a prosecution."
    ),
    why=_(
        "{public}The Education (Penalty Notices) (England) Regulations 2007 require us to "
        "keep a record of each notice, and the national framework limits the notices a "
        "parent may be given for the same child in three years, across every school."
    ),
    shared=_(
        "The council's attendance officers. A school referring a pupil is not shown notices "
        "issued for other schools; if a case goes to court, our legal team and the "
        "magistrates' court."
    ),
    kept=kept_after("penalty_notices", _("Each notice: %(period)s after the date it was issued.")),
)


def entries():
    return [PENALTY_NOTICES]
