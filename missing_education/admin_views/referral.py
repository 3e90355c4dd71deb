"""Any council officer refers a child they think is missing education: the case opens in
the pupil tracking officers' queue, and the officer who referred sees only that it was
received, with its reference (not the queue, which is not theirs to read)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from portal.access import services_for

from .. import services
from ..access import may_refer
from ..forms import ReferralForm

SESSION_KEY = "missing_education_referred"


def _posted(request):
    """The form's data when sent (an empty form sent is still a form to check)."""
    return request.POST if request.method == "POST" else None


def refer_view(request):
    if not may_refer(request.user):
        raise PermissionDenied
    form = ReferralForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        case = services.refer(request.user, services_for(request.user), form.cleaned_data)
        request.session[SESSION_KEY] = case.reference
        return redirect("missing_education_referred")
    return TemplateResponse(request, "missing_education/admin/refer.html", {"form": form})


def referred_view(request):
    if not may_refer(request.user):
        raise PermissionDenied
    reference = request.session.get(SESSION_KEY)
    if not reference:
        return redirect("missing_education_refer")
    return TemplateResponse(
        request, "missing_education/admin/referred.html", {"reference": reference}
    )
