"""The three-stage attendance monitoring's rules (Oxfordshire County Council's model,
"Attendance Strategy 2025"): a school whose attendance for the year so far is under the
threshold is audited (stage 1); where the audit finds attendance still low, or many
pupils persistently absent, follow-up meetings on individual pupils follow (stage 2);
stage 3 is the central meeting where schools share what works. Thresholds are settings
(ATTENDANCE_STAGE_*), percentages compared exactly: 94.00 is not under 94."""

from decimal import Decimal

from django.conf import settings


def _threshold(name):
    return Decimal(str(getattr(settings, name)))


def flag_for_audit(attendance_rate):
    """Is a school with this attendance % (None: no figures) flagged for stage 1?"""
    return attendance_rate is not None and Decimal(attendance_rate) < _threshold(
        "ATTENDANCE_STAGE_1_BELOW"
    )


def follow_up_suggested(attendance_rate, persistent_rate):
    """After an audit, are stage 2 follow-up meetings suggested? Under the stage 2
    threshold, or more pupils persistently absent than the setting allows."""
    low = attendance_rate is not None and Decimal(attendance_rate) < _threshold(
        "ATTENDANCE_STAGE_2_BELOW"
    )
    many_persistent = persistent_rate is not None and Decimal(persistent_rate) > _threshold(
        "ATTENDANCE_PERSISTENT_ABOVE"
    )
    return low or many_persistent
