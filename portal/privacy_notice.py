"""What the privacy notice says about school staff accounts ("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry


def _kept():
    return _(
        "While you have an account. We close it when your school tells us you have left, "
        "or when you ask us to."
    )


ACCOUNTS = NoticeEntry(
    slug="accounts",
    name=_("School staff accounts"),
    collected=_(
        "Your name, email address, the schools you act for and your role there, your "
        "password (stored only in a form that cannot be read back), and, if you use it, "
        "your two-factor sign-in device."
    ),
    why=_("{public}Schools need accounts to send us referrals and returns securely."),
    shared=_("No one outside the council, apart from our hosting provider."),
    kept=_kept,
)


def entries():
    return [ACCOUNTS]
