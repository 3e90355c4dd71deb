import pytest

from self_assessment.models import AssessmentArea, FrameworkVersion, Statement


def make_framework(name="2026 edition", per_area=2, published=True, areas=None):
    framework = FrameworkVersion.objects.create(name=name)
    for area in areas or AssessmentArea.objects.all():
        for n in range(1, per_area + 1):
            Statement.objects.create(
                framework=framework,
                area=area,
                code=f"{area.slug}-{n}",
                sort_order=n,
                text=f"{area.name} statement {n}",
                level_1="Nothing yet",
                level_2="Starting",
                level_3="Done well",
                level_4="Done well everywhere",
                actions_1="First step\nSecond step",
                actions_2="Keep going",
            )
    if published:
        framework.publish()
    return framework


@pytest.fixture
def framework(db):
    return make_framework()


@pytest.fixture
def areas(db):
    return list(AssessmentArea.objects.all())
