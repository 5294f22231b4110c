"""The house style: a stylesheet and a logo per organisation (public), and its settings page.

Colours reach the pages as CSS custom properties in /<org>/huisstijl.css, never as
inline styles, so a Content-Security-Policy without 'unsafe-inline' holds.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from klachtenregeling.accounts import policies
from klachtenregeling.core.forms import form_step
from klachtenregeling.organisations.models import Organisation

from . import services
from .forms import BrandingForm
from .rules import darker, parse_colour
from .selectors import branding_of

LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def _cache(response, request, stamp: str):
    response["Cache-Control"] = LONG if request.GET.get("v") == stamp else SHORT
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stylesheet_text(branding) -> str:
    """CSS custom properties from the validated colours (parsed again: only #rrggbb gets out)."""
    lines = []
    primary = parse_colour(branding.primary_colour) if branding else None
    accent = parse_colour(branding.accent_colour) if branding else None
    if primary:
        lines += [f"  --accent: {primary};", f"  --accent-dark: {darker(primary)};"]
    if accent:
        lines.append(f"  --brand-accent: {accent};")
    body = "\n".join(lines)
    return f"/* House style, generated from the organisation's settings. */\n:root {{\n{body}\n}}\n"


@require_safe
def stylesheet(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    branding = branding_of(organisation)
    response = HttpResponse(stylesheet_text(branding), content_type="text/css; charset=utf-8")
    return _cache(response, request, branding.stamp if branding else "0")


@require_safe
def logo(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    branding = branding_of(organisation)
    if branding is None or not branding.logo:
        raise Http404
    extension = "png" if branding.logo_content_type == "image/png" else "jpg"
    response = FileResponse(
        branding.logo.open("rb"),
        content_type=branding.logo_content_type,
        filename=f"logo.{extension}",
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    return _cache(response, request, branding.stamp)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request):
    user = request.user
    organisation = user.organisation
    if organisation is None:
        raise Http404
    policies.require(user, policies.BRANDING_EDIT, organisation)
    branding = branding_of(organisation)
    initial = {
        "primary_colour": branding.primary_colour if branding else "",
        "accent_colour": branding.accent_colour if branding else "",
    }
    form = BrandingForm(request.POST or None, request.FILES or None, initial=initial)

    def page(form):
        return render(request, "branding/edit.html", {"form": form, "branding": branding})

    if request.method != "POST":
        return page(form)
    return form_step(  # a logo that passed the checks is kept across an error (issue 17)
        request,
        form,
        lambda data: services.branding_update(
            organisation=organisation,
            by=user,
            primary_colour=data["primary_colour"],
            accent_colour=data["accent_colour"],
            logo=data["logo"],
            remove_logo=data["remove_logo"],
        ),
        success=_("The house style has been saved."),
        done=lambda branding: redirect("branding_staff:edit"),
        page=page,
    )
