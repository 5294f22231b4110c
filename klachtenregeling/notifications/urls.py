from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.to_post, name="list"),
        path("<int:message_id>/verstuurd/", views.mark_posted, name="mark-posted"),
        path(
            "mondeling/<int:letter_id>/verstuurd/", views.mark_oral_posted, name="mark-oral-posted"
        ),
    ],
    "post",
)
