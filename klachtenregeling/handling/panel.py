"""The procedure panel on the officer's dossier page: state plus the forms for the next steps."""

from klachtenregeling.organisations.selectors import causes_in_use

from .forms import (
    CloseForm,
    EndingWithReasonForm,
    InviteForm,
    JudgmentForm,
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
    "respondent_form": lambda c, v, user, **kw: RespondentForm(
        **kw,
        staff=staff_who_may_be_respondent(c, user),
        initial={**v, "respondent": c.respondent_id},
    ),
    "notify_form": lambda c, v, user, **kw: VersionedForm(**kw, initial=v),
    "invite_form": lambda c, v, user, **kw: InviteForm(
        **kw, initial=dict(v), has_respondent=bool(c.respondent_id)
    ),
    "recorded_statement_form": lambda c, v, user, **kw: RecordedStatementForm(
        **kw, initial=v, has_respondent=bool(c.respondent_id)
    ),
    "waiver_form": lambda c, v, user, **kw: WaiverForm(
        **kw, initial=v, has_respondent=bool(c.respondent_id)
    ),
    "update_form": lambda c, v, user, **kw: TextForm(
        **kw,
    ),
    "proposal_form": lambda c, v, user, **kw: TextForm(
        **kw,
    ),
    "judgment_form": lambda c, v, user, **kw: JudgmentForm(**kw, initial=v),
    "sign_form": lambda c, v, user, **kw: SignForm(
        **kw,
    ),
    "referral_form": lambda c, v, user, **kw: ReferralForm(**kw, initial=v),
    "ruling_form": lambda c, v, user, **kw: RulingForm(
        **kw, initial=v, causes=causes_in_use(c.organisation)
    ),
    "close_form": lambda c, v, user, **kw: CloseForm(
        **kw, initial=v, causes=causes_in_use(c.organisation)
    ),
    "withdraw_form": lambda c, v, user, **kw: EndingWithReasonForm(
        **kw, initial=v, causes=causes_in_use(c.organisation)
    ),
    "not_admissible_form": lambda c, v, user, **kw: EndingWithReasonForm(
        **kw, initial=v, causes=causes_in_use(c.organisation)
    ),
}


# Each form on the dossier page has its own prefix, so field ids are unique (labels work).
PREFIXES = {name: name.removesuffix("_form").replace("_", "-") for name in FORMS}


def officer_panel(user, complaint, forms: dict, *, with_forms: bool) -> dict:
    """Context for handling/officer/_panel.html; `forms` holds forms with errors to show again."""
    version = {"version": complaint.version}
    context = {"procedure": procedure(complaint)}
    if not with_forms:
        return context
    for name, make in FORMS.items():
        context[name] = forms.get(name) or make(complaint, version, user, prefix=PREFIXES[name])
    judgment = context["procedure"].judgment
    if judgment is not None and not forms.get("sign_form"):
        context["sign_form"] = SignForm(
            initial={"sha256": judgment.text_sha256}, prefix=PREFIXES["sign_form"]
        )
    return context
