"""Log-in and the staff landing page, which depends on the user's roles."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import i18n
from django_ratelimit.decorators import ratelimit

from klachtenregeling.complaints import selectors
from klachtenregeling.reviews import follow_up

from . import policies, services, two_factor


@method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True), name="post")
class LoginView(auth_views.LoginView):
    """The password step; django-axes locks a username + address after repeated failures."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        # The second step (code or enrolment) comes first when the user needs one.
        return two_factor.pending_step_url(self.request.user, url) or url


def set_language(request):
    """Django's language switch; a signed-in user's choice is also kept on the account
    (the calendar feed, read without a session, is in that language)."""
    response = i18n.set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        services.user_language_set(user=request.user, language=request.POST.get("language", ""))
    return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes: too many wrong passwords for this username from this address (429)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


@login_required
def home(request):
    """Officers go to their dashboard; everyone else sees what their roles offer."""
    user = request.user
    if user.is_officer:
        return redirect("complaints:dashboard")
    organisation = user.organisation
    is_admin = organisation is not None and policies.can(
        user, policies.ORGANISATION_ADMINISTER, organisation
    )
    context = {
        "is_admin": is_admin,
        "unassigned_count": selectors.unassigned_for_admin(user).count() if is_admin else 0,
        **follow_up.home_cards(user),
    }
    return render(request, "accounts/home.html", context)
