"""The administrator's pages for clients and engagements (issue 17: the organisation's own
pages instead of Django's admin): the list with search, adding and changing an engagement,
and its documents (contract, invoices) for the case file."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error, form_step
from klachtenregeling.organisations.settings_views import administered

from . import services
from .forms import EngagementDocumentForm, EngagementForm, EngagementSearchForm
from .models import Engagement

PAGE_SIZE = 25


@login_required
def engagements(request):
    organisation = administered(request)
    search = EngagementSearchForm(request.GET or None)
    rows = (
        Engagement.objects.filter(organisation=organisation)
        .select_related("client")
        .annotate(document_count=Count("documents"))
        .order_by("-starts_on", "reference")
    )
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    if query:
        rows = rows.filter(
            Q(reference__icontains=query)
            | Q(title__icontains=query)
            | Q(client__name__icontains=query)
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "search": search,
        "query": query,
        "page": page,
        "query_string": urlencode({"q": query}) if query else "",
    }
    return render(request, "engagements/settings/list.html", context)


def _saved(request, form, organisation, engagement):
    try:
        return services.engagement_save(
            organisation=organisation,
            by=request.user,
            engagement=engagement,
            values=form.cleaned_data,
            client=form.cleaned_data["client"],
            new_client={
                "name": form.cleaned_data["new_client_name"],
                "email": form.cleaned_data["new_client_email"],
            },
        )
    except DomainError as error:
        apply_domain_error(form, error)
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def engagement_new(request):
    organisation = administered(request)
    form = EngagementForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        engagement = _saved(request, form, organisation, None)
        if engagement is not None:
            messages.success(
                request, _("Engagement %(ref)s added.") % {"ref": engagement.reference}
            )
            return redirect("settings:engagement", engagement_id=engagement.pk)
    status = 400 if form.errors else 200
    return render(request, "engagements/settings/new.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def engagement(request, engagement_id: int):
    organisation = administered(request)
    engagement = (
        Engagement.objects.filter(organisation=organisation, pk=engagement_id)
        .select_related("client")
        .first()
    )
    if engagement is None:
        raise Http404
    initial = {
        "reference": engagement.reference,
        "title": engagement.title,
        "starts_on": engagement.starts_on,
        "ends_on": engagement.ends_on,
        "client": engagement.client_id,
    }
    data = request.POST if request.method == "POST" and "save" in request.POST else None
    form = EngagementForm(data, initial=initial, organisation=organisation)
    upload_data = request.POST if request.method == "POST" and "upload" in request.POST else None
    upload = EngagementDocumentForm(upload_data, request.FILES or None)
    if (
        data is not None
        and form.is_valid()
        and _saved(request, form, organisation, engagement) is not None
    ):
        messages.success(request, _("Saved."))
        return redirect("settings:engagement", engagement_id=engagement.pk)
    context = {
        "engagement": engagement,
        "form": form,
        "upload": upload,
        "documents": engagement.documents.all(),
    }
    if upload_data is not None:
        return form_step(  # a file that passed the checks is kept across an error (issue 17)
            request,
            upload,
            lambda data: services.engagement_document_add(
                engagement=engagement, by=request.user, kind=data["kind"], upload=data["file"]
            ),
            success=None,
            done=lambda document: _document_added(request, engagement, document),
            page=lambda upload: render(
                request, "engagements/settings/engagement.html", {**context, "upload": upload}
            ),
        )
    status = 400 if form.errors else 200
    return render(request, "engagements/settings/engagement.html", context, status=status)


def _document_added(request, engagement, document):
    messages.success(request, _("%(name)s added.") % {"name": document.filename})
    return redirect("settings:engagement", engagement_id=engagement.pk)
