from django.urls import path

from .views import settings, triage

staff_patterns = (
    [
        path("", triage.inbox, name="inbox"),
        path("inlezen/", triage.upload, name="upload"),
        path("<int:mail_id>/", triage.detail, name="detail"),
        path("<int:mail_id>/als-klacht/", triage.register, name="register"),
        path("<int:mail_id>/als-vraag/", triage.to_question, name="question"),
        path("<int:mail_id>/weggooien/", triage.discard, name="discard"),
        path("mailbox/", settings.mailbox, name="mailbox"),
        path("mailbox/onleesbaar/<int:failed_id>/opnieuw/", settings.retry, name="retry"),
    ],
    "inbound",
)
