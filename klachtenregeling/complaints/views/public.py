"""The public complaint form and its receipt page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.core.forms import apply_domain_error
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.regulation.selectors import term_days_in_force

from .. import services
from ..constants import Channel
from ..forms import PublicComplaintForm
from ..models import Complaint

RECEIPT_SESSION_KEY = "complaint_receipt"


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="20/h", method="POST", block=True)
def complaint_form(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    form = PublicComplaintForm(
        request.POST or None, request.FILES or None, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
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
            request.session[RECEIPT_SESSION_KEY] = result.complaint.pk
            return redirect("public:receipt", org=organisation.slug)
    context = {
        "organisation": organisation,
        "form": form,
        "term_days": term_days_in_force(organisation),  # as published
    }
    return render(request, "complaints/public/form.html", context)


def receipt(request, org):
    """The receipt, only for the browser that submitted the complaint (kept in its session)."""
    organisation = get_object_or_404(Organisation, slug=org)
    complaint = Complaint.objects.filter(
        organisation=organisation, pk=request.session.get(RECEIPT_SESSION_KEY)
    ).first()
    if complaint is None:
        messages.info(request, _("There is no receipt to show. You can file a complaint here."))
        return redirect("public:complaint-form", org=organisation.slug)
    return render(
        request,
        "complaints/public/receipt.html",
        {"organisation": organisation, "complaint": complaint},
    )
