from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.index, name="index"),
        path("nieuw/", views.record, name="record"),
        path("<int:review_id>/", views.detail, name="detail"),
        path("<int:review_id>/notitie/", views.add_note, name="add-note"),
    ],
    "reviews",
)

board_patterns = (
    [
        path("", views.board_home, name="home"),
        path("besprekingen/<int:review_id>/besluit/", views.board_decide, name="decide"),
    ],
    "board",
)
