"""Pages of forms_app outside the Wagtail page tree (journeys themselves are FormPage
routes)."""

from django.urls import path

from .permit import permit_view
from .school_referrals import referral_view
from .school_roll_changes import roll_change_view

app_name = "forms_app"
urlpatterns = [
    path("permit/<str:reference>/", permit_view, name="permit"),
    path("referrals/<str:reference>/", referral_view, name="referral"),
    path("roll-changes/<str:reference>/", roll_change_view, name="roll-change"),
]
