import pytest
from django.contrib.auth.models import Group

from portal.groups import STAFF_GROUPS


@pytest.mark.django_db
def test_staff_groups_exist_with_admin_access():
    for name in STAFF_GROUPS:
        group = Group.objects.get(name=name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert "access_admin" in codenames, name


@pytest.mark.django_db
def test_editors_cannot_publish_but_moderators_can():
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")
    editor_page_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    moderator_page_perms = set(
        moderators.page_permissions.values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in editor_page_perms
    assert "publish_page" in moderator_page_perms
    assert {"add_alertbanner", "change_alertbanner"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )


@pytest.mark.django_db
def test_only_attendance_officers_invite_school_users():
    def can_invite(name):
        return Group.objects.get(name=name).permissions.filter(codename="add_membership").exists()

    assert can_invite("Attendance officers")
    assert not any(
        can_invite(name) for name in ("Editors", "EHE officers", "Training administrators")
    )
