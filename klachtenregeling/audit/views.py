"""Who read a complaint (R-6.2): the officer's list, and the administrator's CSV export; the
security log of refused complaint URLs (issue 15) for the administrator."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints import selectors as complaint_selectors
from klachtenregeling.core.errors import NotPermitted

from . import access, selectors
from .access_csv import access_log_csv
from .forms import ReferenceForm
from .refusals_csv import refusals_csv

PAGE_SIZE = 50


@login_required
def reads(request, reference):
    complaint = complaint_selectors.complaint_for(request.user, reference)
    page = Paginator(selectors.reads_of(request.user, complaint), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "audit/reads.html", {"complaint": complaint, "page": page})


@login_required
def export(request):
    """The admin enters a reference and gets its access log; the export is logged too."""
    user = request.user
    if user.organisation is None:
        raise NotPermitted("organisation admins only")
    policies.require(user, policies.ORGANISATION_ADMINISTER, user.organisation)
    form = ReferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = selectors.complaint_for_access_export(user, form.cleaned_data["reference"])
        except NotPermitted:
            form.add_error(
                "reference",
                _("There is no complaint with this reference whose log you may export."),
            )
        else:
            access.access_log_exported(request, complaint)
            content = access_log_csv(complaint, selectors.reads_for_export(complaint))
            response = HttpResponse(content, content_type="text/csv; charset=utf-8")
            filename = f"inzagelog-{complaint.reference}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            response["Cache-Control"] = "private, no-store"
            return response
    return render(request, "audit/export.html", {"form": form})


def _user_filter(request) -> int | None:
    value = request.GET.get("user", "")
    return int(value) if value.isdigit() else None


@login_required
def refusals(request):
    """Issue 15: the security log of the administrator's organisation, newest first."""
    organisation = selectors.organisation_administered_by(request.user)
    user_id = _user_filter(request)
    page = Paginator(selectors.refusals_in(organisation, user_id=user_id), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "users": selectors.refused_users(organisation),
        "user_id": user_id,
        "query_string": urlencode({"user": user_id}) if user_id else "",
        "threshold": settings.REFUSED_ACCESS_ALERT_THRESHOLD,
    }
    return render(request, "audit/refusals.html", context)


@login_required
def refusals_export(request):
    """The same log (of one staff member if filtered) as CSV, oldest first."""
    organisation = selectors.organisation_administered_by(request.user)
    entries = selectors.refusals_in(organisation, user_id=_user_filter(request)).reverse()
    response = HttpResponse(refusals_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="beveiligingslog.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
