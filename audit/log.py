"""Writing to the audit log.

- `follow(Model, kind, ...)`: the feature apps name the models that hold personal data;
  every save and delete of one is then recorded, whatever made it (a school's page, the
  admin, a scheduled job), because the record is written from Django's model signals.
- `record(action, obj, ...)`: for what signals cannot see: a view, an export, a download.
- Who acted comes from the request (audit.middleware) or from `acting_as("job name")`.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from shared.client_address import client_address
from shared.council_services import SERVICE_NAMES

from .models import AuditEvent

Action = AuditEvent.Action


@dataclass(frozen=True)
class Actor:
    request: Any = None  # the request, so the user is looked up only when something is recorded
    label: str = ""  # a scheduled job's name, when no person acts


_actor = ContextVar("audit_actor", default=Actor(label="system"))  # noqa: B039 (frozen)


@contextmanager
def acting_as(label=None, request=None):
    """Record what happens inside as done by this request's user, or by a named job."""
    token = _actor.set(Actor(request=request, label=label or ""))
    try:
        yield
    finally:
        _actor.reset(token)


def purge(records, dry_run=False):
    """Delete each of `records` (a queryset of a followed model) as the retention purge,
    in one transaction, each deletion in the log; or, in a dry run, only count them.
    Returns how many went (or would go)."""
    if dry_run:
        return records.count()
    with transaction.atomic(), acting_as("retention purge"):
        found = list(records)
        for record in found:
            record.delete()
    return len(found)


@dataclass(frozen=True)
class Followed:
    kind: str  # the record's kind in the log: submission, return, assessment, booking
    service: Any  # a service code, or a function of the record
    label: Any  # a function: the record's reference (never a person's name)
    parent: Any = None  # for a part of a record (a return's pupil): the record it belongs to
    part: str = ""  # what the part is called: "pupil"
    quiet: frozenset = frozenset()  # fields whose change alone is housekeeping, not recorded


FOLLOWED = {}
# Kinds recorded by name rather than through follow().
OTHER_KINDS = ("person", "draft", "account", "audit events")


def services():
    """Every service code (shared/council_services.py names them)."""
    return tuple(SERVICE_NAMES)


def kinds():
    return sorted({followed.kind for followed in FOLLOWED.values()} | set(OTHER_KINDS))


def follow(model, kind, *, service, label=str, parent=None, part="", quiet=()):
    FOLLOWED[model] = Followed(kind, service, label, parent, part, frozenset(quiet))
    uid = f"audit:{model._meta.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid, weak=False)


def _who():
    """(user, label) of whoever acts now."""
    actor = _actor.get()
    request = actor.request
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user, user.email or user.get_username()
    if request is not None:
        return None, actor.label or "anonymous visitor"
    return None, actor.label or "system"


def _describe(obj):
    """(kind, record id, label, service, part name) for a followed record or part."""
    followed = FOLLOWED[type(obj)]
    part = ""
    if followed.parent:
        part = followed.part
        obj = followed.parent(obj)
        followed = FOLLOWED[type(obj)]
    service = followed.service(obj) if callable(followed.service) else followed.service
    return followed.kind, str(obj.pk), str(followed.label(obj))[:200], service or "", part


def record(action, obj=None, *, kind="", record_id="", label="", service="", detail=""):
    """Add one event, as done by whoever acts now (the request's user, or the job named by
    acting_as). With `obj`, its kind, id, reference and service come from follow()."""
    if obj is not None:
        kind, record_id, label, service, part = _describe(obj)
        if part and not detail:
            detail = part
    user, who = _who()
    request = _actor.get().request
    return AuditEvent.objects.create(
        actor=user,
        actor_label=who[:254],
        action=action,
        kind=kind,
        record_id=str(record_id or ""),
        label=label[:200],
        service=service,
        detail=detail,
        path=(request.get_full_path()[:300] if request is not None else ""),
        client_address=client_address(request) if request is not None else None,
    )


def _saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    followed = FOLLOWED[sender]
    if update_fields and set(update_fields) <= followed.quiet:
        return
    fields = ", ".join(sorted(update_fields)) if update_fields else ""
    if followed.parent:
        verb = "added" if created else "changed"
        record(
            Action.CHANGED,
            instance,
            detail=f"{followed.part} {verb}" + (f": {fields}" if fields else ""),
        )
    else:
        record(Action.CREATED if created else Action.CHANGED, instance, detail=fields)


def _deleted(sender, instance, **kwargs):
    followed = FOLLOWED[sender]
    if followed.parent:
        try:
            record(Action.CHANGED, instance, detail=f"{followed.part} removed")
        except ObjectDoesNotExist:  # the record it belonged to went first: that is logged
            return
    else:
        record(Action.DELETED, instance)
