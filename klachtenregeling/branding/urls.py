from django.urls import path

from . import views

public_patterns = (
    [
        path("huisstijl.css", views.stylesheet, name="stylesheet"),
        path("logo/", views.logo, name="logo"),
    ],
    "branding",
)

staff_patterns = ([path("", views.edit, name="edit")], "branding_staff")
