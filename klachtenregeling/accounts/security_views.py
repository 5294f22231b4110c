"""The staff member's own account page: second factor, recovery codes, log out everywhere."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from . import services, two_factor
from .forms import CodeForm
from .two_factor_views import code_rate_limited


def _recovery_form(data=None) -> CodeForm:
    return CodeForm(
        data,
        prefix="recovery",
        numeric=True,
        help_text=_("To make new recovery codes, enter the code your app shows now."),
    )


def _page(request, form=None, status=200):
    user = request.user
    context = {
        "required": two_factor.is_required(user),
        "has_device": two_factor.has_device(user),
        "codes_left": two_factor.recovery_codes_left(user),
        "recovery_form": form or _recovery_form(),
    }
    return render(request, "accounts/account.html", context, status=status)


@login_required
def account(request):
    return _page(request)


@login_required
@require_POST
@code_rate_limited
def recovery_codes(request):
    form = _recovery_form(request.POST)
    if form.is_valid():
        try:
            codes = two_factor.recovery_codes_regenerate(
                user=request.user, code=form.cleaned_data["code"]
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            response = render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": "", "first_time": False},
            )
            response["Cache-Control"] = "private, no-store"
            return response
    return _page(request, form, status=400)


@login_required
@require_POST
def logout_everywhere(request):
    services.user_logout_everywhere(user=request.user)
    logout(request)
    messages.success(request, _("You are logged out on every device. Log in again to continue."))
    return redirect("login")
