"""The public complaint form and its receipt page."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.core.forms import FRAGMENT_SECONDS, apply_domain_error, unbound_form_key
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.regulation.selectors import term_days_in_force

from .. import services
from ..constants import Channel
from ..forms import PublicComplaintForm
from ..models import Complaint
from ..services.pending_uploads import FormUploads

# The receipt is for the browser that submitted the complaint: the complaint's id in a
# signed cookie (not the session: a new session costs a row and four queries per
# submission, issue 19), valid as long as a session without a request.
RECEIPT_COOKIE = "complaint_receipt"
RECEIPT_SALT = "complaints.receipt"


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="20/h", method="POST", block=True)
def complaint_form(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    form = PublicComplaintForm(
        request.POST or None, request.FILES or None, organisation=organisation
    )
    kept = FormUploads.of(request, form)
    if request.method == "POST" and form.is_valid():
        kept.fill(form)  # the files kept from an earlier error join the new ones
        try:
            result = services.complaint_submit(
                organisation=organisation,
                draft=form.to_draft(language=translation.get_language()[:2]),
                files=form.uploads(),
                channel=Channel.WEB,
                submission_key=f"web:{form.cleaned_data['submission_key']}",
            )
        except InvalidInput as error:
            apply_domain_error(form, error)
        else:
            kept.consume()
            response = redirect("public:receipt", org=organisation.slug)
            response.set_signed_cookie(
                RECEIPT_COOKIE,
                str(result.complaint.pk),
                salt=RECEIPT_SALT,
                max_age=settings.SESSION_COOKIE_AGE,
                path=reverse("public:receipt", args=[organisation.slug]),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            return response
    if request.method == "POST":
        kept.keep_new(form)  # nothing attached is lost by a form error
    context = {
        "organisation": organisation,
        "form": form,
        "term_days": term_days_in_force(organisation),  # as published
        # Issue 19: an empty form's fields come from the cache (core.forms).
        "fields_key": unbound_form_key(form, organisation.pk, exclude=("submission_key",)),
        "fragment_seconds": FRAGMENT_SECONDS,
    }
    return render(request, "complaints/public/form.html", context)


def receipt(request, org):
    """The receipt, only for the browser that submitted the complaint (kept in its session)."""
    organisation = get_object_or_404(Organisation, slug=org)
    pk = request.get_signed_cookie(
        RECEIPT_COOKIE, default="", salt=RECEIPT_SALT, max_age=settings.SESSION_COOKIE_AGE
    )
    complaint = (
        Complaint.objects.filter(organisation=organisation, pk=int(pk)).first()
        if pk.isdigit()
        else None
    )
    if complaint is None:
        messages.info(request, _("There is no receipt to show. You can file a complaint here."))
        return redirect("public:complaint-form", org=organisation.slug)
    return render(
        request,
        "complaints/public/receipt.html",
        {"organisation": organisation, "complaint": complaint},
    )
