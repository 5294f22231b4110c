"""Public pages that are not about one complaint: the root, the organisation's front page, 429."""

from django.shortcuts import get_object_or_404, redirect, render

from klachtenregeling.organisations.models import Organisation
from klachtenregeling.regulation.selectors import current_version, term_days_in_force


def root(request):
    organisations = list(Organisation.objects.only("name", "slug")[:2])
    if len(organisations) == 1:
        return redirect("organisation-home", org=organisations[0].slug)
    return render(
        request,
        "website/root.html",
        {"organisations": Organisation.objects.only("name", "slug").order_by("name")},
    )


def organisation_home(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    regulation = current_version(organisation)
    context = {
        "organisation": organisation,
        "regulation": regulation,
        "term_days": term_days_in_force(organisation),
    }
    return render(request, "website/home.html", context)


def rate_limited(request, exception=None):
    """Shown by django-ratelimit when a client sends too many requests."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "3600"
    return response


def not_found(request, exception=None):
    return render(request, "404.html", status=404)
