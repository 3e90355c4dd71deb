from django.urls import path

from . import views

app_name = "self_assessment"

urlpatterns = [
    path("", views.index, name="index"),
    path("school/<int:school_id>/start/", views.start, name="start"),
    path("school/<int:school_id>/actions/", views.action_plan, name="action-plan"),
    path("school/<int:school_id>/actions/add/", views.action_edit, name="action-add"),
    path("school/<int:school_id>/actions/<int:action_id>/", views.action_edit, name="action-edit"),
    path("<int:pk>/", views.task_list, name="task-list"),
    path("<int:pk>/areas/<slug:slug>/", views.area_page, name="area"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report/print/", views.report, {"printable": True}, name="report-print"),
]
