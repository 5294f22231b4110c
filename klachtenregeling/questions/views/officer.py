"""The officers' inbox of questions: read, answer by e-mail, or handle as a complaint."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.forms import submitted

from .. import selectors, services
from ..forms import AnswerForm, ConvertForm

PAGE_SIZE = 25


@login_required
def inbox(request):
    user = request.user
    if user.organisation is None:
        raise NotPermitted("officers only")
    policies.require(user, policies.QUESTION_LIST, user.organisation)
    query = request.GET.get("q", "")[:200]
    page = Paginator(selectors.inbox(user, query=query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "query": query,
        "query_string": urlencode({"q": query}) if query else "",
    }
    return render(request, "questions/officer/inbox.html", context)


def _detail(request, question, *, answer_form=None, convert_form=None, status=200):
    user = request.user
    context = {
        "question": question,
        "content_visible": selectors.content_visible(user, question),
        "can_answer": policies.can(user, policies.QUESTION_ANSWER, question),
        "can_convert": policies.can(user, policies.QUESTION_CONVERT, question),
        "answer_form": answer_form or AnswerForm(),
        "convert_form": convert_form or ConvertForm(organisation=question.organisation),
    }
    return render(request, "questions/officer/detail.html", context, status=status)


@login_required
def detail(request, pk):
    return _detail(request, selectors.question_for(request.user, pk))


def _closed(request, question):
    """A stale page (answered or converted meanwhile): say so instead of a hidden error."""
    messages.error(request, _("This question has already been answered or handled as a complaint."))
    return redirect("questions_staff:detail", pk=question.pk)


@login_required
@require_POST
def answer(request, pk):
    question = selectors.question_for(request.user, pk)
    if not question.is_open:
        return _closed(request, question)
    form = AnswerForm(request.POST)
    if submitted(
        form,
        lambda data: services.question_answer(
            question=question, answer=data["answer"], by=request.user
        ),
    ):
        messages.success(
            request, _("Your answer has been sent to %(email)s.") % {"email": question.email}
        )
        return redirect("questions_staff:inbox")
    return _detail(request, question, answer_form=form, status=400)


@login_required
@require_POST
def convert(request, pk):
    user = request.user
    question = selectors.question_for(user, pk)
    if not question.is_open:
        return _closed(request, question)
    form = ConvertForm(request.POST, organisation=question.organisation)
    made = {}

    def convert_it(data):
        made["complaint"] = services.question_convert(
            question=question,
            by=user,
            concerns=tuple(data["concerns"]),
            engagement_reference=data["engagement_reference"],
            engagement_description=data["engagement_description"],
            respondent_id=data["respondent_id"],
        )

    if not submitted(form, convert_it):
        return _detail(request, question, convert_form=form, status=400)
    complaint = made["complaint"]
    messages.success(
        request, _("The question is now complaint %(ref)s.") % {"ref": complaint.reference}
    )
    if policies.can(user, policies.COMPLAINT_VIEW, complaint):
        return redirect("complaints:detail", reference=complaint.reference)
    return redirect("questions_staff:inbox")
