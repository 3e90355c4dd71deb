from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shared.admin_parts import MenuItemFor

from . import views


@hooks.register("register_admin_urls")
def privacy_urls():
    return [
        path("privacy/subject-access/", views.search, name="privacy_subject_access"),
        path(
            "privacy/subject-access/download/",
            views.download,
            name="privacy_subject_access_download",
        ),
        path("privacy/subject-access/erase/", views.erase, name="privacy_erase"),
    ]


@hooks.register("register_admin_menu_item")
def subject_access_menu_item():
    return MenuItemFor(
        _("Subject access"),
        reverse("privacy_subject_access"),
        icon_name="user",
        order=910,
        shown_to=views.may_use,
    )
