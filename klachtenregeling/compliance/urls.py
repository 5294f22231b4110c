from django.urls import path

from . import views

# Under werk/ (config/urls.py); the `reference` converter is registered by complaints.urls.
PAGE = "klachten/<reference:reference>/naleving/"

patterns = (
    [
        path(PAGE, views.complaint, name="complaint"),
        path(f"{PAGE}pdf/", views.complaint_pdf, name="complaint-pdf"),
    ],
    "compliance",
)
