from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.index, name="index"),
    ],
    "reviews",
)

board_patterns = (
    [
        path("", views.board_home, name="home"),
    ],
    "board",
)
