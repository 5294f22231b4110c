from django.urls import path

from .views import officer, public

public_patterns = (
    [
        path("", public.ask, name="ask"),
        path("ontvangen/", public.received, name="received"),
    ],
    "questions",
)

staff_patterns = (
    [
        path("", officer.inbox, name="inbox"),
        path("<int:pk>/", officer.detail, name="detail"),
        path("<int:pk>/beantwoorden/", officer.answer, name="answer"),
        path("<int:pk>/als-klacht/", officer.convert, name="convert"),
    ],
    "questions_staff",
)
