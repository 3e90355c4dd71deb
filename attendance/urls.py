from django.urls import path

from .views import meetings, school

app_name = "attendance"

urlpatterns = [
    path("school/<str:urn>/meetings/", meetings.meeting_list, name="meetings"),
    path("school/<str:urn>/meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path(
        "school/<str:urn>/meetings/<int:pk>/calendar.ics",
        meetings.meeting_calendar,
        name="meeting-calendar",
    ),
    path(
        "school/<str:urn>/meetings/<int:pk>/actions/<int:action_pk>/",
        meetings.action_update,
        name="action-update",
    ),
    # The school's attendance pages (views/school.py)
    path("", school.index, name="index"),
    path("school/<str:urn>/", school.school_page, name="school"),
    path("school/<str:urn>/report/", school.report, name="report"),
]
