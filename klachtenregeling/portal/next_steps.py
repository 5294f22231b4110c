"""What the complainant reads about the state of their complaint (R-7.3): what happens
next, and what they can do now."""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling.constants import Party
from klachtenregeling.handling.rules import hearing

NEXT = {
    Status.RECEIVED: _(
        "We have received your complaint. The complaints officer will start handling it "
        "soon and may contact you."
    ),
    Status.IN_HANDLING: _(
        "The complaints officer is handling your complaint. Both you and the person the "
        "complaint is about will be given the opportunity to explain."
    ),
    Status.HEARING: _(
        "The complaints officer is hearing both sides. After that you receive a written judgment."
    ),
    Status.JUDGED: _(
        "The complaints officer has sent the judgment. Tell us whether it settles your complaint."
    ),
    Status.RESOLVED: _("Your complaint is resolved: the judgment is signed by everyone."),
    Status.UNRESOLVED: _(
        "Your complaint was not resolved. You can submit it to the disputes body; see below."
    ),
    Status.REFERRED: _("Your complaint is with the disputes body. Its ruling closes the case."),
    Status.CLOSED: _("Your complaint is closed."),
    Status.WITHDRAWN: _("You withdrew your complaint. It is no longer handled."),
    Status.NOT_ADMISSIBLE: _(
        "Your message could not be handled as a complaint. The letter gives the reasons."
    ),
}


def account_given(procedure, party: str = Party.COMPLAINANT) -> bool:
    """The party gave an account since they were last invited (R-5.2): the prompt to give
    one is done and is no longer shown."""
    return hearing.account_given(
        invited=[i.invited_at for i in procedure.invitations if i.party == party],
        given=[s.given_at for s in procedure.statements if s.party == party],
    )


def open_actions(procedure, *, may_withdraw: bool) -> list[tuple[str, str]]:
    """(anchor, label) of each action open to the complainant now; done ones are left out."""
    actions = []
    if procedure.in_hearing and not account_given(procedure):
        invited = any(i.party == Party.COMPLAINANT for i in procedure.invitations)
        actions.append(
            (
                "account-heading",
                _("Give your account") if invited else _("Add your account (optional)"),
            )
        )
    if procedure.in_hearing and procedure.open_proposals:
        actions.append(("proposal-heading", _("Answer the proposed solution")))
    if procedure.judgment and procedure.in_signing and not procedure.answer:
        actions.append(("judgment-section", _("Accept and sign the judgment, or decline it")))
    if may_withdraw:
        actions.append(("withdraw", _("Withdraw your complaint")))
    return actions
