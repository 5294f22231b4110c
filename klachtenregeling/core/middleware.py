"""The one place where domain errors that reach a view become responses; the cache and noindex
header of staff and personal-link pages."""

import re
from urllib.parse import urlsplit

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import DomainError, FileUnreadable, NotPermitted


class DomainErrorMiddleware:
    """NotPermitted → 404 (existence is confidential); other refusals → message and back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotPermitted):
            # Issue 15: a staff member refused a complaint URL is recorded in the security
            # log (who, when, which path), in its own transaction.
            from klachtenregeling.audit.refusals import record_refused_request

            record_refused_request(request)
            return render(request, "404.html", status=404)
        if isinstance(exception, FileUnreadable):
            # a stored file that does not decrypt; the administrators were alerted.
            return render(request, "file_unreadable.html", status=409)
        if isinstance(exception, DomainError) and request.method == "POST":
            messages.error(request, str(exception.message))
            back = request.headers.get("referer", "")
            safe = url_has_allowed_host_and_scheme(
                back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
            return redirect(_page_at_or_above(back) if safe and back else "staff-home")
        return None


def _page_at_or_above(url: str) -> str:
    """Where the refusal's message is shown (issue 17: a flash message shows on the page it
    belongs to). The page a form came from may have been shown at a form's own address (a
    step sent back with an error): going back there would be refused (POST only), and the
    message would turn up on some later page. The nearest address above it that shows a
    page is used instead (a dossier step's address → the dossier)."""
    path = urlsplit(url).path
    while path.startswith("/") and path != "/":
        try:
            view = resolve(path).func
        except Resolver404:
            view = None
        if view is not None and _shows_a_page(view):
            return url if path == urlsplit(url).path else path
        path = path.rstrip("/").rsplit("/", 1)[0] + "/"
    return "staff-home"


def _shows_a_page(view) -> bool:
    """False for a view behind `require_POST` (Django's `require_http_methods` without GET)."""
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]
            return "GET" in cell.cell_contents
        view = getattr(view, "__wrapped__", None)
    return True


class PrivatePagesMiddleware:
    """Every response to a signed-in person may carry complaint content: unless the view
    said otherwise, no browser or proxy keeps it (`private, no-store`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response


# Staff areas (the work, the back-office, the log-in) and the pages behind a personal link
# (a complainant's /<org>/mijn-klacht/…, an officer's calendar address): never in a search
# engine, even when a link to them leaks onto the web.
NOINDEX_PATH = re.compile(r"^/(?:werk|beheer|inloggen|uitloggen|agenda)/|^/[^/]+/mijn-klacht/")


class NoIndexMiddleware:
    """`X-Robots-Tag: noindex` on staff and personal-link pages, whatever their answer.

    robots.txt keeps crawlers out of the staff areas; the personal-link pages are not
    listed there on purpose: a crawler that may not fetch a page never sees its noindex,
    and would list a found link (token and all) by its address alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if NOINDEX_PATH.match(request.path_info):
            response.headers.setdefault("X-Robots-Tag", "noindex")
        return response
