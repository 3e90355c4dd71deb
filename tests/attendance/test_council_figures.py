import pytest

from attendance.council_figures import work_out_council_figures
from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory
from attendance.models import AreaFigures
from portal.factories import SchoolFactory
from portal.models import School

pytestmark = pytest.mark.django_db


def council(phase, year=2025, half=2):
    return AreaFigures.objects.get(area="council", phase=phase, year=year, half=half)


def test_the_council_figures_are_the_sums_of_its_schools():
    primary = SchoolFactory(phase=School.Phase.PRIMARY)
    secondary = SchoolFactory(phase=School.Phase.SECONDARY)
    a = SchoolFiguresFactory(school=primary, absence=4.0, pupils=200)
    b = SchoolFiguresFactory(school=secondary, absence=8.0, pupils=600)
    assert work_out_council_figures() == 3  # primary, secondary, all schools
    assert council("primary").possible_sessions == a.possible_sessions
    everyone = council("all")
    assert everyone.possible_sessions == a.possible_sessions + b.possible_sessions
    assert everyone.absent == a.absent + b.absent
    assert everyone.worked_out
    assert str(everyone.absence_rate) == "7.00"  # weighted by sessions, not 6.00


def test_a_published_council_figure_is_kept_and_a_stale_one_goes():
    school = SchoolFactory(phase=School.Phase.PRIMARY)
    SchoolFiguresFactory(school=school, absence=4.0)
    AreaFiguresFactory(area="council", phase="all", absence=9.9, worked_out=False)
    AreaFiguresFactory(area="council", phase="special", absence=3.0, worked_out=True)
    work_out_council_figures(years={2025})
    assert str(council("all").absence_rate) == "9.90"
    assert not AreaFigures.objects.filter(phase="special").exists()
    again = council("primary").pk
    work_out_council_figures(years={2025})
    assert council("primary").pk == again  # updated in place, not added again


def test_queries_stay_the_same_whatever_the_number_of_schools(django_assert_max_num_queries):
    for _ in range(30):
        SchoolFiguresFactory(school=SchoolFactory())
    with django_assert_max_num_queries(6):
        work_out_council_figures()
