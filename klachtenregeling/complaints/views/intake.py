"""An officer registers a complaint that arrived by letter or e-mail (R-1.1)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.core.forms import apply_domain_error

from .. import services
from ..forms import RegistrationForm
from ..services.pending_uploads import FormUploads


@login_required
def register(request):
    user = request.user
    policies.require(user, policies.COMPLAINT_REGISTER, user.organisation)
    form = RegistrationForm(
        request.POST or None, request.FILES or None, organisation=user.organisation
    )
    kept = FormUploads.of(request, form)
    if request.method == "POST" and form.is_valid():
        kept.fill(form)  # the files kept from an earlier error join the new ones
        try:
            complaint = services.complaint_register(
                by=user,
                draft=form.to_draft(),
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                original=form.original_upload(),
                files=form.uploads(),
                submission_key=f"officer:{form.cleaned_data['submission_key']}",
            ).complaint
        except InvalidInput as error:
            apply_domain_error(form, error)
        else:
            kept.consume()
            if policies.can(user, policies.COMPLAINT_VIEW, complaint):
                messages.success(request, _("Complaint %(ref)s registered.") % {"ref": complaint})
                return redirect("complaints:detail", reference=complaint.reference)
            messages.success(
                request,
                _(
                    "Complaint %(ref)s registered. It is about you, so another officer "
                    "handles it (article 5)."
                )
                % {"ref": complaint},
            )
            return redirect("complaints:dashboard")
    if request.method == "POST":
        kept.keep_new(form)  # nothing attached is lost by a form error
    return render(request, "complaints/officer/register.html", {"form": form})
