from django.urls import path, re_path
from wagtail import views as wagtail_views

from . import views

app_name = "guidance"
urlpatterns = [
    path("search/", views.search_view, name="search"),
    # Wagtail's page addresses have no dots, but a CASO list's downloads end in .json and
    # .csv: they are handed to Wagtail's page serving here (its routes add the slash).
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+school/[\w\-]+/contacts\.(?:json|csv))$",
        wagtail_views.serve,
        name="caso_download",
    ),
]
