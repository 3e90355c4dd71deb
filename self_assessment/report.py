"""What a report shows: scores per area and overall, the council average for schools of
the same phase, the change since the school's previous submitted assessment, strengths
and priorities with their suggested actions, and help per area. A fixed number of
queries, whatever the number of statements."""

from collections import defaultdict

from . import charts, scoring, services
from .help import help_for
from .models import Answer


def build(request, assessment):
    areas = services.areas_with_statements(assessment.framework)
    answers = {
        answer.statement_id: answer for answer in Answer.objects.filter(assessment=assessment)
    }
    levels_by_area = defaultdict(list)
    ordered = []
    for area, statements in areas:
        for statement in statements:
            answer = answers.get(statement.pk)
            level = answer.level if answer else None
            levels_by_area[area.pk].append(level)
            ordered.append((statement, level))
    scores = scoring.area_scores({area.pk: levels_by_area[area.pk] for area, _s in areas})
    averages, schools_counted = services.phase_averages(
        assessment.school.phase, assessment.school_year
    )
    previous = (
        services.latest_submitted(assessment.school_id, before=assessment)
        if (assessment.is_submitted)
        else services.latest_submitted(assessment.school_id)
    )
    previous_scores = services.scores_by_area([previous.pk])[previous.pk] if previous else {}
    changes = scoring.change_since(scores, previous_scores)
    help_links = help_for(request, [area.pk for area, _s in areas])

    rows = [
        {
            "area": area,
            "score": scores[area.pk],
            "average": averages.get(area.pk),
            "previous": previous_scores.get(area.pk),
            "change": changes[area.pk],
            "help": help_links.get(area.pk, []),
        }
        for area, _statements in areas
    ]
    by_key = {statement.pk: (statement, level) for statement, level in ordered}
    strengths, priorities = scoring.strengths_and_priorities(
        [(statement.pk, level) for statement, level in ordered]
    )
    return {
        "assessment": assessment,
        "rows": rows,
        "overall": scoring.overall_score(levels_by_area),
        "schools_counted": schools_counted,
        "previous": previous,
        "strengths": [by_key[key] for key in strengths],
        "priorities": [
            {
                "statement": by_key[key][0],
                "level": by_key[key][1],
                "suggestions": list(enumerate(by_key[key][0].suggested_actions(by_key[key][1]))),
            }
            for key in priorities
        ],
        "chart": charts.area_chart(
            [(row["area"].name, row["score"], row["average"]) for row in rows]
        ),
    }
