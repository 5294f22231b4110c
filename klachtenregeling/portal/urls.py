from django.urls import path

from . import views

patterns = (
    [
        path("", views.status, name="status"),
        path("open/", views.enter, name="enter"),
        path("link-kwijt/", views.lost_link, name="lost-link"),
        path("verklaring/", views.give_statement, name="statement"),
        path("voorstel/", views.answer_proposal, name="answer-proposal"),
        path("oordeel/", views.answer_judgment, name="answer-judgment"),
        path("intrekken/", views.withdraw, name="withdraw"),
        path("brieven/<uuid:attachment_id>/", views.letter, name="letter"),
        path("bestanden/", views.add_files, name="add-files"),
        path("bestanden/<uuid:attachment_id>/", views.own_file, name="file"),
        path("afsluiten/", views.leave, name="leave"),
    ],
    "portal",
)
