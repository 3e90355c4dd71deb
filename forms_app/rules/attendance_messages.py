"""What each attendance finding (rules/attendance.py) says: to the school making a
referral, and in the findings the officer reads."""

from django.utils.translation import gettext_lazy as _

from .messages import Catalogue

MESSAGES = {
    # The session counts and the UPN, as the school enters them.
    "attended_above_possible": _(
        "Sessions attended must be no more than the %(possible)s possible sessions"
    ),
    "codes_above_missed": _(
        "The sessions of codes G, N, O and U add up to %(total)s, but the pupil "
        "missed only %(missed)s sessions (%(possible)s possible, %(attended)s "
        "attended). Check the numbers"
    ),
    "upn_length": _("The UPN must be 13 characters, like H801200001001"),
    "upn_format": _("The UPN must be a letter, then 11 numbers, then a number or a letter"),
    "upn_check_letter": _(
        "This is not a valid UPN: check each character against the pupil's record"
    ),
    # What the figures show.
    "attendance": _("Attendance %(percent)s%% (absent from %(absent)s%% of sessions)"),
    "severe_absence": _("Severe absence: %(percent)s%% or more of sessions missed"),
    "persistent_absence": _("Persistent absence: %(percent)s%% or more of sessions missed"),
    "threshold_met": _(
        "National threshold met: %(sessions)s unauthorised sessions in the %(weeks)s "
        "school weeks from %(start)s"
    ),
    "threshold_not_met": _(
        "National threshold not met: at most %(sessions)s unauthorised sessions in "
        "any %(weeks)s school weeks"
    ),
    # Penalty notices.
    "first_notice": _(
        "First penalty notice: £%(low)s within %(low_days)s days, £%(high)s "
        "within %(high_days)s days"
    ),
    "repeat_notice": _("Second penalty notice in 3 years: £%(amount)s, no reduction"),
    "no_more_notices": _(
        "This parent has had %(most)s penalty notices for this pupil in the last "
        "%(years)s years, so another cannot be issued. Choose another route, such "
        "as prosecution"
    ),
}

CATALOGUE = Catalogue(MESSAGES, readings={"start": lambda day: day.strftime("%-d %B %Y")})
say = CATALOGUE.say
