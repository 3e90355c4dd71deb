from django.urls import path

from . import views

app_name = "missing_education"

urlpatterns = [
    path("cases/<int:pk>/", views.case_page, name="case"),
]
