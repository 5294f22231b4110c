from django.urls import path

from . import views

# The managed lists of the registration (R-8.1 subjects, R-3.2 causes).
staff_patterns = (
    [
        path("", views.lists, name="lists"),
        path("onderwerpen/toevoegen/", views.subject_add, name="subject-add"),
        path("onderwerpen/<int:subject_id>/naam/", views.subject_rename, name="subject-rename"),
        path(
            "onderwerpen/<int:subject_id>/buiten-gebruik/",
            views.subject_retire,
            name="subject-retire",
        ),
        path(
            "onderwerpen/<int:subject_id>/in-gebruik/",
            views.subject_reactivate,
            name="subject-reactivate",
        ),
        path("oorzaken/toevoegen/", views.cause_add, name="cause-add"),
        path("oorzaken/<int:cause_id>/naam/", views.cause_rename, name="cause-rename"),
        path("oorzaken/<int:cause_id>/buiten-gebruik/", views.cause_retire, name="cause-retire"),
        path(
            "oorzaken/<int:cause_id>/in-gebruik/",
            views.cause_reactivate,
            name="cause-reactivate",
        ),
    ],
    "registration",
)
