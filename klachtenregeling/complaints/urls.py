from django.urls import path

from .views import actions, appoint, intake, officer, public

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
        path("toewijzen/<str:reference>/", appoint.appoint, name="appoint"),
        path("<str:reference>/", officer.detail, name="detail"),
        path("<str:reference>/behandelen/", actions.start_handling, name="start-handling"),
        path("<str:reference>/onderwerpen/", actions.set_subjects, name="set-subjects"),
        path("<str:reference>/notities/", actions.add_note, name="add-note"),
        path("<str:reference>/bijlagen/", actions.add_attachment, name="add-attachment"),
        path(
            "<str:reference>/bijlagen/<uuid:attachment_id>/",
            officer.attachment_download,
            name="attachment",
        ),
        path("<str:reference>/overdragen/", actions.hand_over, name="hand-over"),
    ],
    "complaints",
)
