"""The admin appoints an officer to a complaint no officer could take (R-5.4).

The admin sees the reference and dates only, never the content (R-6.1).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.selectors import officers_of, officers_who_may_take

from .. import selectors, services
from ..forms import AssignForm


@login_required
def unassigned(request):
    user = request.user
    policies.require(user, policies.COMPLAINT_LIST_UNASSIGNED, user.organisation)
    page = Paginator(selectors.unassigned_for_admin(user), 25).get_page(request.GET.get("page"))
    officers = list(officers_of(user.organisation))
    rows = [(c, officers_who_may_take(c, officers)) for c in page]
    return render(request, "complaints/admin/unassigned.html", {"page": page, "rows": rows})


@login_required
@require_POST
def appoint(request, reference):
    user = request.user
    complaint = selectors.complaint_for(user, reference, policies.COMPLAINT_APPOINT_OFFICER)
    form = AssignForm(request.POST, officers=officers_who_may_take(complaint))
    if not form.is_valid():
        messages.error(request, _("Choose an officer who may handle this complaint."))
        return redirect("complaints:unassigned")
    officer = form.officers[form.cleaned_data["officer"]]
    services.complaint_assign_officer(
        complaint=complaint, officer=officer, by=user, expected_officer_id=None
    )
    messages.success(
        request,
        _("%(officer)s now handles complaint %(ref)s.")
        % {"officer": officer.display_name, "ref": complaint.reference},
    )
    return redirect("complaints:unassigned")
