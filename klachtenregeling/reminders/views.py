"""The officer's calendar address (R-7.1): a page to make or stop it, and the feed itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from klachtenregeling.accounts import policies
from klachtenregeling.accounts import services as account_services

from . import calendar, selectors, services


@login_required
def calendar_settings(request):
    """Officers only. POST `action=new` makes a new address (shown once), `stop` ends it."""
    user = request.user
    policies.require(user, policies.CALENDAR_USE, user.organisation)
    address = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "new":
            token = services.calendar_feed_issue(user=user)
            # The feed is in the language of this page, until the officer switches.
            account_services.user_language_set(user=user, language=translation.get_language())
            address = request.build_absolute_uri(reverse("calendar-feed", args=[token]))
        elif action == "stop":
            services.calendar_feed_revoke(user=user)
            messages.success(request, _("Your calendar address no longer works."))
            return redirect("calendar-settings")
    feed = selectors.calendar_feed_of(user)
    context = {
        "feed": feed,
        "address": address,
        "feed_language": translation.get_language_info(calendar.feed_language(user))[
            "name_translated"
        ],
    }
    response = render(request, "reminders/calendar.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@ratelimit(key="ip", rate="120/h", block=True)
def calendar_feed(request, token):
    """The secret address: no log-in (calendar programs cannot log in), references only."""
    feed = selectors.feed_for_token(token)
    if feed is None:
        return HttpResponse(status=404)
    services.calendar_feed_used(feed)
    response = HttpResponse(calendar.feed(feed.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="klachten-termijnen.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
