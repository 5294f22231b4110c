"""Issue 16: the officer's list of letters to print and post, and marking one posted."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.forms import DateInput, submitted
from klachtenregeling.oral import selectors as oral_selectors
from klachtenregeling.oral import services as oral_services

from . import post


class PostedForm(forms.Form):
    posted_on = forms.DateField(
        label=gettext_lazy("Posted on"),
        widget=DateInput(),
        error_messages={"required": gettext_lazy("Enter the date the letter was posted.")},
    )


def _list(request, *, failed=None, status=200):
    """Both kinds of letters to post: messages about complaints (prefix m…) and letters
    about oral complaints not yet confirmed (prefix o…); `failed` = (prefix, bound form)."""
    if not request.user.is_officer:
        raise NotPermitted("officers only")

    def form(prefix: str):
        if failed and failed[0] == prefix:
            return failed[1]
        return PostedForm(initial={"posted_on": clock.today()}, prefix=prefix)

    letters = [(m, form(f"m{m.pk}")) for m in post.to_post(request.user)]
    oral = [(o, form(f"o{o.pk}")) for o in oral_selectors.letters_to_post(request.user)]
    context = {"letters": letters, "oral_letters": oral}
    return render(request, "notifications/post/list.html", context, status=status)


@login_required
def to_post(request):
    return _list(request)


def _mark(request, prefix: str, mark, done: str):
    """One letter of the list posted: the date from the form (prefix `prefix`), `mark`
    records it (True when new, False when it was already marked), `done` says so."""
    form = PostedForm(request.POST, prefix=prefix)
    result = {}

    def action(data):
        result["new"] = mark(data["posted_on"])

    if not submitted(form, action):
        return _list(request, failed=(prefix, form), status=400)
    if result["new"]:
        messages.success(request, done)
    else:
        messages.info(request, _("This letter was already marked as posted."))
    return redirect("post:list")


@login_required
@require_POST
def mark_posted(request, message_id: int):
    """A letter about a complaint posted: the date goes into the dossier (R-7.3)."""
    message = post.letter_to_post(request.user, message_id)  # not found unless the officer's
    return _mark(
        request,
        f"m{message_id}",
        lambda posted_on: (
            not post.mark_posted(
                by=request.user, message_id=message_id, posted_on=posted_on
            ).already
        ),
        _("Letter for %(ref)s marked as posted; the date is in the dossier.")
        % {"ref": message.complaint.reference},
    )


@login_required
@require_POST
def mark_oral_posted(request, letter_id: int):
    """A letter about an oral complaint (R-1.1) posted: the date goes into its history."""
    oral_services.oral_letter_for(request.user, letter_id)  # not found unless the officer's
    return _mark(
        request,
        f"o{letter_id}",
        lambda posted_on: oral_services.oral_letter_mark_posted(
            by=request.user, letter_id=letter_id, posted_on=posted_on
        ),
        _("Letter marked as posted; the date is in the history."),
    )
