"""The privacy notice's contract: each app says what it holds, why, who sees it and how long
it keeps it through the "register_privacy_notice" hook (a function returning a list of
`NoticeEntry`), and the notice page (home) reads them in the hooks' order: the forms
(order 10), the schools' returns, assessments and bookings (20 to 40), accounts (50),
then the log that covers them all (60)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks

HOOK_NAME = "register_privacy_notice"

PUBLIC_TASK = gettext_lazy(
    "We need it to carry out a task in the public interest that the law gives us "
    "(UK GDPR article 6(1)(e)). "
)
HEALTH = gettext_lazy(
    "Information about health or special educational needs is special category data: we "
    "use it for reasons of substantial public interest (article 9(2)(g) and the Data "
    "Protection Act 2018, schedule 1)."
)


@dataclass(frozen=True)
class NoticeEntry:
    slug: str
    name: str
    collected: str  # what we collect, in plain words
    # The lawful basis and the law behind it; "{public}" and "{health}" stand for the
    # common sentences above.
    why: str
    shared: str  # who else sees it
    kept: Callable[[], str] | None = None  # how long, worked out from the settings when shown


def duration(days):
    """Days in plain words: whole years (within a week), else weeks, else days."""
    years = round(days / 365)
    if years >= 1 and abs(days - years * 365) <= 7:
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 7 and days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def kept_after(kind, text):
    """A `kept` for records purged after PORTAL_RECORD_RETENTION_DAYS[kind]: `text` (lazy,
    with "%(period)s") worked out in the visitor's language when the notice is shown."""

    def kept():
        return text % {"period": duration(settings.PORTAL_RECORD_RETENTION_DAYS[kind])}

    return kept


def entries():
    """Every app's entries, in the hooks' order."""
    return [entry for give in hooks.get_hooks(HOOK_NAME) for entry in give()]


def shown(entry):
    """An entry with its text ready to show (the period worked out now)."""
    return {
        "slug": entry.slug,
        "name": entry.name,
        "collected": entry.collected,
        "why": str(entry.why).format(public=PUBLIC_TASK, health=HEALTH).strip(),
        "shared": entry.shared,
        "kept": entry.kept(),
    }
