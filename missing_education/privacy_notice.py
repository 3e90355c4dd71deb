"""What the privacy notice says about children missing education cases
("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

CASES = NoticeEntry(
    slug="missing_education",
    name=_("Children missing education"),
    collected=_(
        "The child's name, date of birth, unique pupil number, last school and last known "
        "address; their parents', carers' and other contacts' names and how to reach them; "
        "why the child is thought to be missing education and any safeguarding concerns; "
        "the enquiries we make to find them and what each found; and where the child was "
        "found, or who we passed the case on to."
    ),
    why=_(
        "{public}The Education Act 1996, section 436A, requires us to identify children of "
        "compulsory school age in our area who are not registered at a school and not "
        "receiving a suitable education otherwise, and the Department for Education's "
        "statutory guidance, Children missing education, says how."
    ),
    shared=_(
        "The council's pupil tracking officers; the child's last school (the case's status "
        "and what we need from it, not what other agencies told us); and, to find the child, "
        "other councils, health services, children's social care, the police, housing, the "
        "council's benefits and revenues teams and, where travel abroad is thought, Border "
        "Force or the Home Office. A child not found is recorded on the national lost pupils "
        "database."
    ),
    kept=kept_after(
        "missing_education",
        _("Each case, with its enquiries: %(period)s after it was closed."),
    ),
)


def entries():
    return [CASES]
