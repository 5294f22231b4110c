from django.urls import path

import klachtenregeling.complaints.urls  # noqa: F401 - registers the <reference:> converter

from . import views

patterns = (
    [
        path("klachten/<reference:reference>/inzage/", views.reads, name="reads"),
        path("inzagelog/", views.export, name="access-log-export"),
        path("beveiligingslog/", views.refusals, name="refusals"),
        path("beveiligingslog/csv/", views.refusals_export, name="refusals-export"),
    ],
    "audit",
)
