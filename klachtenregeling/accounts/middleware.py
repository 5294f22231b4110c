"""Holds a signed-in user at the second factor until their session is verified."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor

# The pages an unverified session may still reach: the second-factor step itself,
# log-out and the language switch (static files are served before this middleware).
OPEN_URL_NAMES = ("two-factor-verify", "two-factor-setup", "logout", "set_language")


class TwoFactorMiddleware:
    """After the password, officers, administrators, superusers and anyone with an app set up
    reach nothing but the code page (or the enrolment page) and log-out — also not /beheer/."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def _is_open(self, path: str) -> bool:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in OPEN_URL_NAMES)
        return path in self._open_paths or path.startswith(settings.STATIC_URL)

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._is_open(request.path):
            next_url = request.get_full_path() if request.method == "GET" else ""
            step = two_factor.pending_step_url(user, next_url)
            if step is not None:
                return redirect(step)
        return self.get_response(request)
