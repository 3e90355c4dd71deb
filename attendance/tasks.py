"""Work for the django-q2 worker: the calendar invitations to targeting support meetings
(invitations.py says what is sent and when)."""

from . import invitations


def send_meeting_invitation(meeting_pk):
    """Raises when the mail server fails, so the worker tries again (Q_CLUSTER retry)."""
    return invitations.send(meeting_pk)
