"""The procedure panel on the officer's dossier page: state plus the forms for the next steps."""

from .forms import (
    CloseForm,
    InviteForm,
    JudgmentForm,
    ReasonForm,
    RecordedStatementForm,
    ReferralForm,
    RespondentForm,
    RulingForm,
    SignForm,
    TextForm,
    VersionedForm,
    WaiverForm,
)
from .selectors import procedure, staff_who_may_be_respondent

FORMS = {
    "respondent_form": lambda c, v, user: RespondentForm(
        staff=staff_who_may_be_respondent(c, user), initial={**v, "respondent": c.respondent_id}
    ),
    "notify_form": lambda c, v, user: VersionedForm(initial=v),
    "invite_form": lambda c, v, user: InviteForm(
        initial=dict(v), has_respondent=bool(c.respondent_id)
    ),
    "recorded_statement_form": lambda c, v, user: RecordedStatementForm(
        initial=v, has_respondent=bool(c.respondent_id)
    ),
    "waiver_form": lambda c, v, user: WaiverForm(initial=v, has_respondent=bool(c.respondent_id)),
    "update_form": lambda c, v, user: TextForm(),
    "proposal_form": lambda c, v, user: TextForm(),
    "judgment_form": lambda c, v, user: JudgmentForm(initial=v),
    "sign_form": lambda c, v, user: SignForm(),
    "referral_form": lambda c, v, user: ReferralForm(initial=v),
    "ruling_form": lambda c, v, user: RulingForm(initial=v),
    "close_form": lambda c, v, user: CloseForm(initial=v),
    "withdraw_form": lambda c, v, user: ReasonForm(initial=v),
    "not_admissible_form": lambda c, v, user: ReasonForm(initial=v),
}


def officer_panel(user, complaint, forms: dict, *, with_forms: bool) -> dict:
    """Context for handling/officer/_panel.html; `forms` holds forms with errors to show again."""
    version = {"version": complaint.version}
    context = {"procedure": procedure(complaint)}
    if not with_forms:
        return context
    for name, make in FORMS.items():
        context[name] = forms.get(name) or make(complaint, version, user)
    judgment = context["procedure"].judgment
    if judgment is not None and not forms.get("sign_form"):
        context["sign_form"] = SignForm(initial={"sha256": judgment.text_sha256})
    return context
