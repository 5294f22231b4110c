from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.index, name="index"),
        path("<int:recommendation_id>/", views.detail, name="detail"),
        path("<int:recommendation_id>/status/", views.set_status, name="set-status"),
        path("<int:recommendation_id>/toewijzen/", views.assign, name="assign"),
    ],
    "improvements",
)
