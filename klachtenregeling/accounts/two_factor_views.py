"""The second step of the log-in: a code from the app, or enrolling the app (two_factor.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_ratelimit.decorators import ratelimit

from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from . import two_factor
from .forms import CodeForm

PENDING_KEY = "two_factor_pending_key"
# Besides django-otp's own back-off (1, 2, 4 … seconds after each wrong code).
CODE_RATE_PER_USER = "5/5m"
CODE_RATE_PER_IP = "20/5m"


def code_rate_limited(view):
    """Codes cannot be guessed: a few tries per user and per address, then 429."""
    view = ratelimit(key="ip", rate=CODE_RATE_PER_IP, method="POST", block=True)(view)
    return ratelimit(key="user", rate=CODE_RATE_PER_USER, method="POST", block=True)(view)


def next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if safe and candidate else reverse("staff-home")


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _verified_login(request, device) -> None:
    """The session becomes a verified one: a new session id, so that a copy of the cookie
    taken between the password and the code (or before enrolling) is worth nothing."""
    request.session.cycle_key()
    otp_login(request, device)


@login_required
@code_rate_limited
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not two_factor.has_device(user):
        return redirect(two_factor.pending_step_url(user, next_url(request)) or next_url(request))
    form = CodeForm(
        request.POST or None,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            verified = two_factor.two_factor_verify(user=user, code=form.cleaned_data["code"])
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            _verified_login(request, verified.device)
            if verified.used_recovery_code:
                messages.warning(request, _recovery_code_used(verified.recovery_codes_left))
            return redirect(next_url(request))
    return _no_store(
        render(
            request, "accounts/two_factor/verify.html", {"form": form, "next": next_url(request)}
        )
    )


def _recovery_code_used(left: int) -> str:
    return ngettext(
        "You used a recovery code. %(n)s code is left; make new ones on your account page.",
        "You used a recovery code. %(n)s codes are left; make new ones on your account page.",
        left,
    ) % {"n": left}


@login_required
@code_rate_limited
def setup(request):
    """Enrol an authenticator app: first time (forced for officers and administrators) or to
    replace the app. Replacing needs a verified session, so a password alone never does it."""
    user = request.user
    replacing = two_factor.has_device(user)
    if replacing and not user.is_verified():
        return redirect(two_factor.pending_step_url(user, next_url(request)))
    key = request.session.get(PENDING_KEY) or two_factor.new_secret()
    request.session[PENDING_KEY] = key
    form = CodeForm(
        request.POST or None,
        numeric=True,
        help_text=_("The six digits your app shows after you added the account."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = two_factor.two_factor_enrol(
                user=user, key_hex=key, code=form.cleaned_data["code"]
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            del request.session[PENDING_KEY]
            _verified_login(request, device)
            return _no_store(
                render(
                    request,
                    "accounts/two_factor/recovery_codes.html",
                    {"codes": codes, "next": next_url(request), "first_time": not replacing},
                )
            )
    context = {
        "form": form,
        "enrolment": two_factor.enrolment(user, key),
        "replacing": replacing,
        "required": two_factor.is_required(user),
        "next": next_url(request),
    }
    return _no_store(render(request, "accounts/two_factor/setup.html", context))
