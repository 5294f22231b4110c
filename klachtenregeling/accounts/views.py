"""Log-in and the staff landing page, which depends on the user's roles."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from klachtenregeling.complaints import selectors

from . import policies


@method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True), name="post")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


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
    }
    return render(request, "accounts/home.html", context)
