"""Pages for schools (signed in): their attendance figures and governors' report
(school.py), their targeting support meetings and agreed actions (meetings.py)."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.models import School

from ..access import may_read


def school_or_404(request, urn):
    """The open school `urn`, if this user reads its attendance data; else the page does
    not exist (404), as on the portal's other school pages, so nothing is given away."""
    school = School.objects.filter(urn=urn, active=True).first()
    if school is None or not may_read(request.user, school):
        raise Http404
    return school


def breadcrumbs(school=None, *more):
    """Your dashboard > Attendance data > the school > `more` ({"text", "href"} each)."""
    crumbs = [
        {"text": _("Your dashboard"), "href": reverse("portal:dashboard")},
        {"text": _("Attendance data"), "href": reverse("attendance:index")},
    ]
    if school is not None:
        crumbs.append(
            {"text": school.name, "href": reverse("attendance:school", args=[school.urn])}
        )
    return crumbs + list(more)
