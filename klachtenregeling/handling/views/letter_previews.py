"""The letters of the officer's steps, shown before they are sent (a look before the
irreversible): each builds the letter as its service would send it, stores nothing."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from klachtenregeling.letters.preview import Recipient, preview, preview_page

from .. import services
from ..constants import Party


def complainant(complaint) -> Recipient:
    return Recipient(_("complainant"), complaint.complainant_name, complaint.complainant_email)


def judgment(request, complaint, form) -> HttpResponse:
    """R-5.6: each party's judgment letter, with who receives it."""
    data = form.cleaned_data
    draft = services.judgment_draft(
        complaint=complaint,
        verdict=data["verdict"],
        reasoning=data["reasoning"],
        recommendations=form.recommendation_lines(),
        by=request.user,
        expected_version=data["version"],
    )
    seen = draft.complaint
    letters = [preview(complainant(seen), draft.pdfs[Party.COMPLAINANT])]
    if Party.RESPONDENT in draft.pdfs:
        respondent = seen.respondent
        letters.append(
            preview(
                Recipient(_("person complained about"), respondent.display_name, respondent.email),
                draft.pdfs[Party.RESPONDENT],
            )
        )
    return preview_page(
        request,
        complaint=seen,
        form=form,
        action=reverse("handling:judge", args=[seen.reference]),
        letters=letters,
        title=_("Check the judgment before you send it"),
        send_label=_("Send the judgment"),
        next_steps=_(
            "Each party receives their letter by e-mail. The complainant is asked to accept "
            "and sign the judgment; then you and the person complained about sign. A later "
            "revision is a new version: signatures already given lapse."
        ),
    )


def not_admissible(request, complaint, form) -> HttpResponse:
    """The letter with the reasons why the message is not a complaint under article 1."""
    data = form.cleaned_data
    draft = services.not_admissible_draft(
        complaint=complaint,
        reasons=data["reason"],
        by=request.user,
        expected_version=data["version"],
    )
    return preview_page(
        request,
        complaint=draft.complaint,
        form=form,
        action=reverse("handling:not-admissible", args=[draft.complaint.reference]),
        letters=[preview(complainant(draft.complaint), draft.pdf)],
        title=_("Check the letter before you declare the complaint not admissible"),
        send_label=_("Declare not admissible and send the letter"),
        next_steps=_(
            "The complainant receives this letter with the reasons by e-mail and the "
            "complaint ends as not admissible. The complainant can still take it to the "
            "disputes body."
        ),
    )
