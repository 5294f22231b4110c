from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.waiting, name="waiting"),
        path("vastleggen/", views.record, name="record"),
        path("<int:record_id>/", views.detail, name="detail"),
        path("<int:record_id>/op-papier/", views.confirm_on_paper, name="confirm-on-paper"),
        path("<int:record_id>/sluiten/", views.close, name="close"),
        path("<int:record_id>/brief/", views.letter, name="letter"),
        path("<int:record_id>/brieven/<int:letter_id>/", views.letter_pdf, name="letter-pdf"),
    ],
    "oral",
)
