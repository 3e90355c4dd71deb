from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("", views.return_list, name="list"),
    path("<int:pk>/", views.return_detail, name="detail"),
    path("<int:pk>/pupils/add/", views.pupil_add, name="pupil-add"),
    path("<int:pk>/pupils/<int:pupil_pk>/", views.pupil_change, name="pupil-change"),
    path("<int:pk>/pupils/<int:pupil_pk>/remove/", views.pupil_remove, name="pupil-remove"),
    path("<int:pk>/nil/", views.nil_return, name="nil"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/done/", views.done, name="done"),
]
