from django.urls import path, register_converter

from .converters import ReferenceConverter
from .views import actions, appoint, intake, officer, public

register_converter(ReferenceConverter, "reference")

public_patterns = (
    [
        path("", public.complaint_form, name="complaint-form"),
        path("ontvangen/", public.receipt, name="receipt"),
    ],
    "public",
)

staff_patterns = (
    [
        path("", officer.dashboard, name="dashboard"),
        path("registreren/", intake.register, name="register"),
        path("toewijzen/", appoint.unassigned, name="unassigned"),
        path("toewijzen/<reference:reference>/", appoint.appoint, name="appoint"),
        path("<reference:reference>/", officer.detail, name="detail"),
        path("<reference:reference>/behandelen/", actions.start_handling, name="start-handling"),
        path("<reference:reference>/onderwerpen/", actions.set_subjects, name="set-subjects"),
        path("<reference:reference>/notities/", actions.add_note, name="add-note"),
        path("<reference:reference>/bijlagen/", actions.add_attachment, name="add-attachment"),
        path(
            "<reference:reference>/bijlagen/<uuid:attachment_id>/",
            officer.attachment_download,
            name="attachment",
        ),
        path("<reference:reference>/overdragen/", actions.hand_over, name="hand-over"),
        path("<reference:reference>/termijn/", actions.extend_deadline, name="extend-deadline"),
    ],
    "complaints",
)
