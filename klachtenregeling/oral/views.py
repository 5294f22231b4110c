"""Oral complaints (R-1.1, second sentence): the officer's pages and the complainant's
confirmation page. Thin: parse, one service call, render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from klachtenregeling.accounts import policies
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.core.forms import apply_domain_error, form_step
from klachtenregeling.letters import preview
from klachtenregeling.organisations.models import Organisation

from . import letters, selectors, services
from .constants import LetterKind, RecordStatus
from .forms import ConfirmForm, OralRecordForm, PaperConfirmationForm


@login_required
def waiting(request):
    """The officer's oral complaints "wacht op bevestiging" (not running complaints)."""
    if not request.user.is_officer:
        raise NotPermitted("officers only")
    rows = [(r, selectors.close_from(r)) for r in selectors.waiting_for_officer(request.user)]
    return render(request, "oral/waiting.html", {"rows": rows})


@login_required
def record(request):
    user = request.user
    policies.require(user, policies.COMPLAINT_REGISTER, user.organisation)
    form = OralRecordForm(request.POST or None, organisation=user.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            created, _token = services.oral_record_create(
                by=user,
                told_on=form.cleaned_data["told_on"],
                how_told=form.cleaned_data["how_told"],
                draft=form.to_draft(),
            )
        except InvalidInput as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("The written record was sent to the complainant."))
            return redirect("oral:detail", record_id=created.pk)
    return render(request, "oral/record.html", {"form": form})


def _detail_context(request, record, **forms) -> dict:
    return {
        "record": record,
        "events": selectors.history(record),
        "close_from": selectors.close_from(record),
        "waiting": record.status == RecordStatus.AWAITING,
        "paper_form": forms.get("paper_form")
        or PaperConfirmationForm(prefix="paper", initial={"text": record.recorded_text}),
        "close_errors": forms.get("close_errors", []),
        "letters": selectors.letters_of(record),
    }


@login_required
def detail(request, record_id):
    found = services.oral_record_for(request.user, record_id)
    return render(request, "oral/detail.html", _detail_context(request, found))


@login_required
def confirm_on_paper(request, record_id):
    found = services.oral_record_for(request.user, record_id)
    form = PaperConfirmationForm(request.POST or None, request.FILES or None, prefix="paper")

    def page(form):
        return render(request, "oral/detail.html", _detail_context(request, found, paper_form=form))

    if request.method != "POST":
        return page(form)
    return form_step(  # the scan that passed the checks is kept across an error (issue 17)
        request,
        form,
        lambda data: services.oral_record_confirm_on_paper(
            by=request.user,
            record_id=found.pk,
            confirmed_on=data["confirmed_on"],
            text=data["text"],
            scan=(data["scan"].name, data["scan"]),
        ),
        success=None,
        done=lambda complaint: _confirmed(request, complaint),
        page=page,
        passes=(NotPermitted,),
    )


def _confirmed(request, complaint):
    messages.success(request, _("Confirmed: complaint %(ref)s.") % {"ref": complaint})
    if policies.can(request.user, policies.COMPLAINT_VIEW, complaint):
        return redirect("complaints:detail", reference=complaint.reference)
    return redirect("oral:waiting")


@login_required
def close(request, record_id):
    """Close as not confirmed: first the letter as it will go out (preview), then send."""
    found = services.oral_record_for(request.user, record_id)
    if request.method != "POST":
        return redirect("oral:detail", record_id=found.pk)
    refusal = services.close_refusal(found, today=clock.today())
    if refusal:
        context = _detail_context(request, found, close_errors=[refusal])
        return render(request, "oral/detail.html", context)
    pdf = letters.render(found, LetterKind.NOT_CONFIRMED, dated=clock.now())
    if not preview.confirmed(request):
        response = render(
            request, "oral/close_preview.html", {"record": found, "pages": preview.page_images(pdf)}
        )
        response._csp_update = {"img-src": "data:"}  # type: ignore[attr-defined]
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        services.oral_record_close(by=request.user, record_id=found.pk)
    except InvalidInput as error:
        errors = [str(m) for ms in error.errors.values() for m in ms]
        return render(
            request, "oral/detail.html", _detail_context(request, found, close_errors=errors)
        )
    if not found.complainant_email:  # the letter to print and post
        messages.success(
            request,
            _("Closed as not confirmed. The letter is waiting in “To be sent by post”."),
        )
        return redirect("post:list")
    messages.success(request, _("Closed as not confirmed; the complainant gets a letter."))
    return redirect("oral:waiting")


@ratelimit(key="ip", rate="30/h", method="POST", block=True)
def confirm(request, org):
    """The complainant's page: the written record, to confirm or correct and confirm."""
    organisation = get_object_or_404(Organisation, slug=org)
    token = request.POST.get("t") or request.GET.get("t", "")
    try:
        found = services.record_for_token(token)
    except NotPermitted:
        found = None
    if found is None or found.organisation_id != organisation.pk:
        return render(request, "oral/invalid.html", {"organisation": organisation}, status=404)
    if found.status != RecordStatus.AWAITING:
        return render(
            request,
            "oral/used.html",
            {"organisation": organisation, "message": services.used_message(found)},
        )
    form = ConfirmForm(request.POST or None, initial={"text": found.recorded_text})
    if request.method == "POST" and form.is_valid():
        try:
            complaint = services.oral_record_confirm(token=token, text=form.cleaned_data["text"])
        except InvalidInput as error:
            apply_domain_error(form, error)
        else:
            return render(
                request,
                "oral/confirmed.html",
                {"organisation": organisation, "complaint": complaint},
            )
    return render(
        request,
        "oral/confirm.html",
        {"organisation": organisation, "record": found, "form": form, "token": token},
    )


@login_required
def letter(request, record_id):
    """The written record again as a letter to post (POST: it issues a new link)."""
    found = services.oral_record_for(request.user, record_id)
    if request.method != "POST":
        return redirect("oral:detail", record_id=found.pk)
    try:
        services.oral_record_letter(by=request.user, record_id=found.pk)
    except InvalidInput as error:
        messages.error(request, str(error))
        return redirect("oral:detail", record_id=found.pk)
    messages.success(
        request,
        _(
            "A new letter with a new link is waiting in “To be sent by post”; the earlier "
            "link no longer works."
        ),
    )
    return redirect("oral:detail", record_id=found.pk)


@login_required
def letter_pdf(request, record_id, letter_id):
    """A letter about the record as made (PDF), to print."""
    found = services.oral_letter_for(request.user, letter_id)
    if found.record_id != record_id:
        raise NotPermitted()
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
