"""The council's figures for one school year (CouncilSummary), worked out when something
that counts changes rather than on every request: what the council view shows over every
matching school (the count, the mean level per area, the levels chosen per statement) and
the phase average a school's report compares with.

What counts is each active school's latest submitted assessment of the year, grouped by
the school's phase and locality, so that the view's filters add groups together instead of
going back to the answers. The figures change when an assessment is submitted
(services.submit), when assessments are deleted (the retention purge, a school's deletion)
and when a school changes (its phase, locality or whether it is active): each refreshes
the years it touches inside its own transaction. `manage.py refresh_council_summaries`
works every year out again, for data loaded some other way."""

from collections import Counter, defaultdict
from fractions import Fraction

from django.db.models import Count, Exists, OuterRef, Subquery, Sum
from django.db.models.signals import post_delete, post_save, pre_delete

from portal.models import School
from shared import summaries

from .models import LEVELS, Answer, Assessment, CouncilSummary


def key(year):
    return {"school_year": year}


def refresh_year(year):
    """Work the year's figures out again; call inside the transaction that changed them."""
    return summaries.refresh(CouncilSummary, key(year), lambda: work_out(year))


def refresh_years(years):
    summaries.refresh_each(CouncilSummary, [key(year) for year in set(years)], _work_out_key)


def _work_out_key(one):
    return work_out(one["school_year"])


def summary_of(year):
    """The year's summary, worked out the first time it is asked for."""
    return summaries.read(CouncilSummary, key(year), lambda: work_out(year))


def years_with_figures():
    """Every year with a submitted assessment or a summary (one left from deleted ones)."""
    submitted = Assessment.objects.filter(status=Assessment.Status.SUBMITTED).order_by()
    return set(submitted.values_list("school_year", flat=True).distinct()) | set(
        CouncilSummary.objects.values_list("school_year", flat=True)
    )


def latest_of_each_school(year):
    """Active schools that have submitted in `year`, each with `latest_id`: its latest
    submitted assessment of the year (the one that counts)."""
    submitted = Assessment.objects.filter(
        school=OuterRef("pk"), status=Assessment.Status.SUBMITTED, school_year=year
    )
    latest = submitted.order_by("-submitted_at", "-pk").values("pk")[:1]
    return School.objects.active().filter(Exists(submitted)).annotate(latest_id=Subquery(latest))


def work_out(year):
    """The figures from scratch, in three queries whatever the number of schools:
    {"groups": [{"phase", "locality", "schools", "areas", "levels"}, ...]} where "areas"
    is {area id: [schools with a score, numerator, denominator, tenths]}: the exact sum
    of the schools' area scores as a fraction (so the mean is the same however the
    groups are added up) and the sum of the scores as each report rounds them, in
    tenths; "levels" is {statement code: [schools at level 1, ..., at level 4]}."""
    schools = latest_of_each_school(year)
    groups = {}

    def group(phase, locality):
        return groups.setdefault(
            (phase, locality),
            {"phase": phase, "locality": locality, "schools": 0, "areas": {}, "levels": {}},
        )

    for (phase, locality), count in Counter(schools.values_list("phase", "locality")).items():
        group(phase, locality)["schools"] = count
    counted = Answer.objects.filter(
        assessment_id__in=schools.values("latest_id"), level__isnull=False
    )
    school_of = ("assessment__school__phase", "assessment__school__locality")
    sums = defaultdict(lambda: [0, Fraction(0), 0])
    per_school_area = (
        counted.values("assessment_id", *school_of, "statement__area_id")
        .annotate(total=Sum("level"), answered=Count("level"))
        .order_by()
    )
    for row in per_school_area:
        score = Fraction(row["total"], row["answered"])
        one = sums[(row[school_of[0]], row[school_of[1]], row["statement__area_id"])]
        one[0] += 1
        one[1] += score
        # As scores_by_area rounds a school's area score for its report.
        one[2] += round(round(float(score), 1) * 10)
    for (phase, locality, area_id), (count, total, tenths) in sums.items():
        group(phase, locality)["areas"][str(area_id)] = [
            count,
            total.numerator,
            total.denominator,
            tenths,
        ]
    chosen = (
        counted.values(*school_of, "statement__code", "level").annotate(n=Count("pk")).order_by()
    )
    for row in chosen:
        levels = group(row[school_of[0]], row[school_of[1]])["levels"]
        levels.setdefault(row["statement__code"], [0] * len(LEVELS))[row["level"] - 1] += row["n"]
    return {"groups": sorted(groups.values(), key=lambda one: (one["phase"], one["locality"]))}


class Figures:
    """One year's figures over the schools matching the filters (an empty one matches all)."""

    def __init__(self, summary, phase="", locality=""):
        self.groups = [
            one
            for one in summary.figures.get("groups", [])
            if (not phase or one["phase"] == phase)
            and (not locality or one["locality"] == locality)
        ]

    @property
    def schools(self):
        return sum(one["schools"] for one in self.groups)

    def area_ids(self):
        """The areas some matching school has a score in."""
        return sorted({int(area_id) for one in self.groups for area_id in one["areas"]})

    def _area(self, area_id):
        count, total, tenths = 0, Fraction(0), 0
        for one in self.groups:
            found = one["areas"].get(str(area_id))
            if found:
                count += found[0]
                total += Fraction(found[1], found[2])
                tenths += found[3]
        return count, total, tenths

    def mean(self, area_id):
        """The mean of the schools' area scores, to one decimal place; None if none."""
        count, total, _tenths = self._area(area_id)
        return round(float(total / count), 1) if count else None

    def mean_of_rounded(self, area_id):
        """The mean of the area scores as each school's report shows them (to one decimal
        place), as a report's phase average has always been; None if none."""
        count, _total, tenths = self._area(area_id)
        return round(float(Fraction(tenths, 10 * count)), 1) if count else None

    def levels(self):
        """{statement code: [schools at level 1, ..., at level 4]}."""
        found = defaultdict(lambda: [0] * len(LEVELS))
        for one in self.groups:
            for code, counts in one["levels"].items():
                found[code] = [a + b for a, b in zip(found[code], counts, strict=True)]
        return dict(found)


def follow_schools():
    """A school's phase, locality or closing moves its assessments between groups, and
    deleting it deletes them: refresh the years it has submitted in. Connected in
    AppConfig.ready; the School model is the core's, so a signal is how this app hears."""
    post_save.connect(_school_saved, sender=School, dispatch_uid="council_summary_saved")
    pre_delete.connect(_school_deleting, sender=School, dispatch_uid="council_summary_deleting")
    post_delete.connect(_school_deleted, sender=School, dispatch_uid="council_summary_deleted")


def _years_submitted(school):
    return set(
        Assessment.objects.filter(school=school, status=Assessment.Status.SUBMITTED)
        .order_by()
        .values_list("school_year", flat=True)
        .distinct()
    )


def _school_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        refresh_years(_years_submitted(instance))


def _school_deleting(sender, instance, **kwargs):
    instance.council_summary_years = _years_submitted(instance)


def _school_deleted(sender, instance, **kwargs):
    refresh_years(getattr(instance, "council_summary_years", ()))
