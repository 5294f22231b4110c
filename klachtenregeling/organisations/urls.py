from django.urls import path

from . import views

# The managed lists of the registration (R-8.1 subjects, R-3.2 causes).
staff_patterns = (
    [
        path("", views.lists, name="lists"),
    ],
    "registration",
)
