"""The public question form ("Heb je een vraag?") and its receipt."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from klachtenregeling.core.forms import submitted
from klachtenregeling.organisations.models import Organisation

from .. import services
from ..forms import QuestionForm
from ..models import Question

RECEIPT_SESSION_KEY = "question_receipt"


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def ask(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    form = QuestionForm(request.POST or None)

    def send(data):
        result = services.question_submit(
            organisation=organisation,
            draft=form.to_draft(language=translation.get_language()[:2]),
            submission_key=f"web:{data['submission_key']}",
        )
        request.session[RECEIPT_SESSION_KEY] = result.question.pk

    if request.method == "POST" and submitted(form, send):
        return redirect("questions:received", org=organisation.slug)
    return render(request, "questions/ask.html", {"organisation": organisation, "form": form})


def received(request, org):
    """Only for the browser that sent the question (kept in its session)."""
    organisation = get_object_or_404(Organisation, slug=org)
    question = Question.objects.filter(
        organisation=organisation, pk=request.session.get(RECEIPT_SESSION_KEY)
    ).first()
    if question is None:
        return redirect("questions:ask", org=organisation.slug)
    return render(
        request, "questions/received.html", {"organisation": organisation, "question": question}
    )
