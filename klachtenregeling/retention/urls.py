from django.urls import path

from klachtenregeling.complaints import urls as _complaint_urls  # noqa: F401 - the converter

from . import views

staff_patterns = (
    [
        path("", views.complaint_list, name="list"),
        path("<reference:reference>/", views.complaint, name="complaint"),
        path("<reference:reference>/zetten/", views.hold_set, name="set"),
        path("<reference:reference>/<int:hold_id>/opheffen/", views.hold_lift, name="lift"),
    ],
    "retention",
)
