"""What the privacy notice says about each service and each cookie. The periods are worked
out from the same settings the retention purges read (PORTAL_RETENTION_DAYS,
PORTAL_RECORD_RETENTION_DAYS, PORTAL_AUDIT_RETENTION_DAYS, PORTAL_DRAFT_DAYS), each time
the page is shown, so the notice and the purges never disagree."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


def duration(days):
    """Days in plain words: whole years (within a week), else weeks, else days."""
    years = round(days / 365)
    if years >= 1 and abs(days - years * 365) <= 7:
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 7 and days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _submission(service):
    def kept():
        return _(
            "%(period)s after the application or notice was last changed. A form you start "
            "but do not send is deleted %(draft)s after you last saved it."
        ) % {
            "period": duration(settings.PORTAL_RETENTION_DAYS[service]),
            "draft": duration(settings.PORTAL_DRAFT_DAYS),
        }

    return kept


def _record(kind, text):
    def kept():
        return text % {"period": duration(settings.PORTAL_RECORD_RETENTION_DAYS[kind])}

    return kept


def _audit_log():
    return _("%(period)s after each entry is made.") % {
        "period": duration(settings.PORTAL_AUDIT_RETENTION_DAYS)
    }


def _accounts():
    return _(
        "While you have an account. We close it when your school tells us you have left, "
        "or when you ask us to."
    )


@dataclass(frozen=True)
class Service:
    slug: str
    name: str
    collected: str  # what we collect, in plain words
    why: str  # the lawful basis and the law behind it
    shared: str  # who else sees it
    kept: Callable[[], str]  # how long, from the settings

    @property
    def period(self):
        return self.kept()


PUBLIC_TASK = gettext_lazy(
    "We need it to carry out a task in the public interest that the law gives us "
    "(UK GDPR article 6(1)(e)). "
)
HEALTH = gettext_lazy(
    "Information about health or special educational needs is special category data: we "
    "use it for reasons of substantial public interest (article 9(2)(g) and the Data "
    "Protection Act 2018, schedule 1)."
)

SERVICES = [
    Service(
        "ehe",
        gettext_lazy("Elective home education registrations"),
        gettext_lazy(
            "The child's name, date of birth and address; each parent's name and contact "
            "details; the school the child left and when; how you would like us to contact "
            "you; and, only if you choose to tell us, your reasons and any special "
            "educational needs."
        ),
        gettext_lazy(
            "{public}The Education Act 1996 (section 436A) asks us to know which children "
            "are not in school and to check they are getting a suitable education; section "
            "437 applies when they are not. {health}"
        ),
        gettext_lazy(
            "The school the child left. Other council teams, such as special educational "
            "needs and children's social care, when they need it to support or protect the "
            "child."
        ),
        _submission("ehe"),
    ),
    Service(
        "employment",
        gettext_lazy("Child employment permits"),
        gettext_lazy(
            "The child's name, date of birth, address and school, and a declaration about "
            "their health; the employer's name, business and workplace, the job, the "
            "supervisor and the days and hours the child will work."
        ),
        gettext_lazy(
            "{public}The Children and Young Persons Act 1933 (section 18) and the council's "
            "byelaws limit when and how children may work; a permit shows the work is "
            "allowed. {health}"
        ),
        gettext_lazy(
            "The employer, and the child's school so that it can tell us if the work is "
            "affecting the child's education."
        ),
        _submission("licensing"),
    ),
    Service(
        "performance",
        gettext_lazy("Child performance licences"),
        gettext_lazy(
            "Details of the production, its dates, places and times; the child's name, date "
            "of birth, address, school, health, photographs and birth certificate; the "
            "school's letter if the child will miss school; and who will teach and look "
            "after the child."
        ),
        gettext_lazy(
            "{public}The Children and Young Persons Act 1963 and the Children (Performances "
            "and Activities) (England) Regulations 2014 require a licence before a child "
            "takes part in most performances. {health}"
        ),
        gettext_lazy(
            "The producer, the child's school, and the council for the area where the "
            "performance takes place if that is not us."
        ),
        _submission("licensing"),
    ),
    Service(
        "chaperone",
        gettext_lazy("Chaperone approvals"),
        gettext_lazy(
            "Your name, date of birth, address and contact details, a photograph, your "
            "enhanced criminal record (DBS) check and the names of your referees."
        ),
        gettext_lazy(
            "{public}The Children (Performances and Activities) (England) Regulations 2014 "
            "say that a chaperone looking after licensed children must be approved by the "
            "council where they live."
        ),
        gettext_lazy(
            "Your referees, and producers or other councils who ask us whether you are approved."
        ),
        _submission("licensing"),
    ),
    Service(
        "referral",
        gettext_lazy("Attendance referrals from schools"),
        gettext_lazy(
            "The pupil's name, date of birth and address; every parent with parental "
            "responsibility; the pupil's attendance record; the letters, meetings and support "
            "the school has offered; other agencies involved; and any safeguarding concerns."
        ),
        gettext_lazy(
            "{public}The Education Act 1996 (sections 437 to 447) makes parents responsible "
            "for their child's regular attendance and gives us the means to enforce it, "
            "including penalty notices and prosecution. {health}"
        ),
        gettext_lazy(
            "The pupil's school; early help and children's social care where the family "
            "needs support or the child may be at risk; and, if a case goes to court, our "
            "legal team and the magistrates' court."
        ),
        _submission("attendance"),
    ),
    Service(
        "returns",
        gettext_lazy("Reduced-timetable returns from schools"),
        gettext_lazy(
            "For each pupil on a reduced timetable: their unique pupil number or initials, "
            "year group, the hours offered, the reason, the start, review and end dates, "
            "whether a parent agreed, and whether the pupil has special educational needs "
            "or a social worker."
        ),
        gettext_lazy(
            "{public}The Education Act 1996 and the Department for Education's statutory "
            "guidance, Working together to improve school attendance, ask us to check that "
            "reduced timetables are used only when needed and end as planned. {health}"
        ),
        gettext_lazy(
            "No one outside the council's attendance service. Figures we publish are totals "
            "that name no pupil."
        ),
        _record(
            "returns",
            gettext_lazy(
                "The pupils' details: %(period)s after the return was due. We keep, without "
                "them, that the school made its return."
            ),
        ),
    ),
    Service(
        "assessments",
        gettext_lazy("School self-assessments"),
        gettext_lazy(
            "The school's answers and the evidence it writes down, the names of the staff "
            "who worked on the assessment, and the school's action plan."
        ),
        gettext_lazy(
            "{public}The Department for Education's statutory guidance asks us to work with "
            "schools to improve attendance; the self-assessment is how a school tells us "
            "where it stands."
        ),
        gettext_lazy(
            "The council's attendance officers and the school's governors. Other schools "
            "see only averages that name no school."
        ),
        _record(
            "assessments",
            gettext_lazy(
                "%(period)s after it was submitted or last worked on. A school's latest "
                "submitted self-assessment is kept until it submits a newer one, because the "
                "next one starts from it."
            ),
        ),
    ),
    Service(
        "bookings",
        gettext_lazy("Training bookings"),
        gettext_lazy(
            "Your name, email address, role and school, any access or dietary needs you tell "
            "us about, whether you attended, and any feedback you give."
        ),
        gettext_lazy(
            "We need it to provide the training you booked (UK GDPR article 6(1)(b), a "
            "contract). We use access or dietary needs only with your consent (article "
            "9(2)(a)), and you can withdraw it by changing your booking."
        ),
        gettext_lazy(
            "The trainer, and the venue when it needs your access or dietary needs. Nobody else."
        ),
        _record(
            "bookings",
            gettext_lazy(
                "%(period)s after the session. Then your name, email address, needs and "
                "comments are removed: we keep only that a place was booked, attended and "
                "rated."
            ),
        ),
    ),
    Service(
        "accounts",
        gettext_lazy("School staff accounts"),
        gettext_lazy(
            "Your name, email address, the schools you act for and your role there, your "
            "password (stored only in a form that cannot be read back), and, if you use it, "
            "your two-factor sign-in device."
        ),
        gettext_lazy("{public}Schools need accounts to send us referrals and returns securely."),
        gettext_lazy("No one outside the council, apart from our hosting provider."),
        _accounts,
    ),
    Service(
        "audit",
        gettext_lazy("The record of who saw or changed information"),
        gettext_lazy(
            "Each time someone looks at, changes, exports or deletes one of the records "
            "above: who it was, when, what they did and which record (by its reference, not "
            "by anyone's name)."
        ),
        gettext_lazy(
            "{public}The law also requires us to keep personal data secure (UK GDPR articles "
            "5(1)(f) and 32), and this record lets us find and stop misuse."
        ),
        gettext_lazy("No one outside the council, unless the law requires it."),
        _audit_log,
    ),
]


def services():
    """Each service with its text ready to show (the period worked out now)."""
    return [
        {
            "slug": service.slug,
            "name": service.name,
            "collected": service.collected,
            "why": str(service.why).format(public=PUBLIC_TASK, health=HEALTH).strip(),
            "shared": service.shared,
            "kept": service.period,
        }
        for service in SERVICES
    ]


def cookies():
    """The cookies the portal sets; all are needed for it to work."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": _(
                "Remembers that you are signed in, or which form you are filling in so you "
                "can carry on."
            ),
            "expires": duration(settings.SESSION_COOKIE_AGE // (24 * 60 * 60)),
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": _("Stops another website sending a form to this portal in your name."),
            "expires": duration(settings.CSRF_COOKIE_AGE // (24 * 60 * 60)),
        },
        {
            "name": "messages",
            "purpose": _("Shows you a message, such as 'Saved', on the next page you see."),
            "expires": _("When the message has been shown"),
        },
        {
            "name": "wagtail_sidebar_collapsed",
            "purpose": _(
                "For council staff using the editing screens only: remembers whether the "
                "menu is folded away. It holds nothing about you."
            ),
            "expires": _("Set by the editing screens"),
        },
    ]
