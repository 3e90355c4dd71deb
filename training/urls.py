from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("session/<int:session_id>/", views.book, name="book"),
    path("session/<int:session_id>/check/", views.check, name="check"),
    path("<str:token>/", views.manage, name="manage"),
    path("<str:token>/cancel/", views.cancel, name="cancel"),
    path("<str:token>/change-date/", views.move, name="move"),
    path("<str:token>/accept/", views.accept, name="accept"),
    path("<str:token>/feedback/", views.feedback, name="feedback"),
    path("<str:token>/certificate.pdf", views.certificate, name="certificate"),
]
