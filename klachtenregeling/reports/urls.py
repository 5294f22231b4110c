from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.index, name="index"),
    ],
    "reports",
)
