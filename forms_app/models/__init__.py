"""The forms' records (drafts, submissions, their files and history), then the form page,
which runs a journey's flow; the flow and what it calls read the records' module, not
this package, so that the page and the flow import each other in one direction only."""

from .pages import FormPage
from .records import (
    Attachment,
    Draft,
    PrivateStorage,
    RetentionPurge,
    Submission,
    SubmissionEvent,
    new_draft_token,
    private_storage,
    random_upload_name,
)

__all__ = [
    "Attachment",
    "Draft",
    "FormPage",
    "PrivateStorage",
    "RetentionPurge",
    "Submission",
    "SubmissionEvent",
    # named by migrations
    "new_draft_token",
    "private_storage",
    "random_upload_name",
]
