from django.urls import path

from .views import school

app_name = "attendance"

urlpatterns = [
    # The school's attendance pages (views/school.py)
    path("", school.index, name="index"),
    path("school/<str:urn>/", school.school_page, name="school"),
    path("school/<str:urn>/report/", school.report, name="report"),
]
