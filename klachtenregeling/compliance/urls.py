from django.urls import path

from . import views

# Under werk/ (config/urls.py); the `reference` converter is registered by complaints.urls.
patterns = (
    [path("klachten/<reference:reference>/naleving/", views.complaint, name="complaint")],
    "compliance",
)
