"""The administrator's pages: the organisation's mailbox, and mail that could not be read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.forms import submitted

from .. import selectors, services
from ..constants import MailStatus
from ..forms import MailboxForm


def _require_admin(user):
    if user.organisation is None:
        raise NotPermitted("administrators only")
    policies.require(user, policies.MAILBOX_CONFIGURE, user.organisation)


@login_required
def mailbox(request):
    user = request.user
    _require_admin(user)
    current = selectors.mailbox_of(user.organisation)
    form = MailboxForm(request.POST or None, instance=current)
    if request.method == "POST" and submitted(
        form,
        lambda data: services.mailbox_save(
            by=user, organisation=user.organisation, values=data, secret=data["secret"]
        ),
    ):
        messages.success(request, _("The mailbox settings were saved."))
        return redirect("inbound:mailbox")
    context = {
        "form": form,
        "mailbox": current,
        "failed": selectors.failed_for_admin(user)[:50],
    }
    return render(request, "inbound/mailbox.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def retry(request, failed_id):
    user = request.user
    _require_admin(user)
    mail = selectors.failed_for_admin(user).filter(pk=failed_id).first()
    if mail is None:
        raise NotPermitted("not found")
    result = services.mail_retry(mail=mail)
    if result.status == MailStatus.FAILED:
        messages.error(
            request, _("The message still cannot be read: %(error)s") % {"error": result.error}
        )
    else:
        messages.success(
            request,
            _("The message was read: %(status)s.") % {"status": result.get_status_display()},
        )
    return redirect("inbound:mailbox")
