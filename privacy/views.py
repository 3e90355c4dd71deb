"""Subject access and erasure in the Wagtail admin, for holders of audit.subject_access
(the information governance group). Every search, download and erasure is audited."""

import io
import json
import os
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from audit.log import Action, record
from shared.admin_parts import TitledAdminPage

from .forms import EraseForm, PersonForm
from .registry import find

PERMISSION = "audit.subject_access"


def may_use(user):
    return user.is_active and user.has_perm(PERMISSION)


def _refuse_unless_allowed(request):
    if not may_use(request.user):
        raise PermissionDenied


def _searched_for(query):
    return ", ".join(
        part
        for part in (query.name and f"name “{query.name}”", query.email and f"email {query.email}")
        if part
    )


class AdminPage(TitledAdminPage, TemplateView):
    header_icon = "user"

    def post(self, request, *args, **kwargs):  # a form shown again with its errors
        return self.get(request, *args, **kwargs)


def _page(request, template, context, title=None):
    return AdminPage.as_view(
        template_name=template,
        page_title=title or _("Subject access and erasure"),
        extra_context=context,
    )(request)


def search(request):
    _refuse_unless_allowed(request)
    form = PersonForm(request.GET if request.GET else None)
    groups = None
    if form.is_bound and form.is_valid():
        query = form.query
        found = find(query)
        record(
            Action.SEARCHED,
            kind="person",
            detail=f"{_searched_for(query)}: {len(found)} records found",
        )
        by_service = {}
        for held in found:
            by_service.setdefault(held.service, []).append(held)
        groups = list(by_service.items())
    return _page(
        request,
        "privacy/admin/search.html",
        {"form": form, "groups": groups, "query_string": request.GET.urlencode()},
    )


@require_POST
def download(request):
    """Everything found, as one ZIP: a JSON file of the records and the files sent."""
    _refuse_unless_allowed(request)
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Search again before downloading."))
        return redirect("privacy_subject_access")
    query = form.query
    found = find(query)
    now = timezone.now()
    buffer = io.BytesIO()
    files = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "subject-access.json",
            json.dumps(
                {
                    "searched_for": {"name": query.name, "email": query.email},
                    "made_at": now.isoformat(),
                    "made_by": request.user.email,
                    "records": [
                        {
                            "service": held.service,
                            "kind": held.kind,
                            "reference": held.reference,
                            "description": held.description,
                            "data": held.data,
                        }
                        for held in found
                    ],
                },
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            ),
        )
        for held in found:
            for folder, given_name, stored in held.files:
                # A name a person gave is never trusted as a path.
                filename = get_valid_filename(os.path.basename(given_name.replace("\\", "/")))
                with stored.open("rb") as handle:
                    archive.writestr(f"files/{folder}/{filename}", handle.read())
                files += 1
    record(
        Action.EXPORTED,
        kind="person",
        detail=f"{_searched_for(query)}: {len(found)} records and {files} files downloaded",
    )
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{now:%Y-%m-%d}.zip"'
    return response


def erase(request):
    """Confirm, then erase or anonymise one record found for the person, with a reason."""
    _refuse_unless_allowed(request)
    data = request.POST if request.method == "POST" else request.GET
    form = EraseForm(data)
    form.is_valid()  # the reason is checked on POST only
    person = {key: form.cleaned_data.get(key, "") for key in ("name", "email")}
    back = reverse("privacy_subject_access") + "?" + urlencode(person)
    if "key" not in form.cleaned_data or form.has_error("name") or form.has_error("email"):
        return redirect(back)
    # Found again through the same search, so only a record held about this person can be
    # erased here, whatever key is posted.
    held = next((h for h in find(form.query) if h.key == form.cleaned_data["key"]), None)
    if held is None:
        messages.error(request, _("That record is no longer found for this person."))
        return redirect(back)
    if request.method == "POST" and held.erase is not None and form.is_valid():
        with transaction.atomic():
            done = held.erase()
            record(
                Action.ERASED if done == "erased" else Action.ANONYMISED,
                kind=held.kind,
                record_id=held.reference,
                label=held.reference,
                service=held.service,
                detail=f"for {_searched_for(form.query)}; reason: {form.cleaned_data['reason']}",
            )
        messages.success(
            request,
            _("%(what)s %(reference)s: %(done)s.")
            % {"what": held.description, "reference": held.reference, "done": _(done)},
        )
        return redirect(back)
    if request.method == "GET":
        form = EraseForm(initial={**person, "key": held.key})
    return _page(
        request,
        "privacy/admin/erase.html",
        {"form": form, "held": held, "back": back},
        title=_("Erase a record"),
    )
