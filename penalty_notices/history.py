"""The register's answer to the referral's question (shared.penalty_notices.HOOK_NAME):
every notice it holds for this child to any of these parents, in one query, whatever
the case or spacing of the names."""

from django.urls import reverse

from shared.penalty_notices import NoticeSeen, match_key

from .models import PenaltyNotice


def notices_for(child, parents):
    if child.date_of_birth is None or not parents:
        return []
    found = (
        PenaltyNotice.objects.filter(
            child_key=match_key(child.first_name, child.last_name),
            child_date_of_birth=child.date_of_birth,
            parent_key__in={match_key(p.first_name, p.last_name) for p in parents},
        )
        .select_related("school")
        .order_by("issued_on", "pk")
    )
    # The notice's page, reversed once, not once a notice.
    page = reverse("penalty_notices_notice:notice", args=[0]).removesuffix("0/")
    return [
        NoticeSeen(
            reference=notice.number,
            issued_on=notice.issued_on,
            parent=notice.parent_name,
            school=notice.school.name,
            amount=notice.amount,
            withdrawn=notice.withdrawn,
            url=f"{page}{notice.pk}/",
        )
        for notice in found
    ]
