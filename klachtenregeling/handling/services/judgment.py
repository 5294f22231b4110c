"""R-5.6 the written judgment; R-5.7 signatures on its exact text; R-4.3 when not accepted."""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import MAX_SHORT_TEXT_LENGTH, AttachmentKind, Status
from klachtenregeling.complaints.rules import registration
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.complaints.services.state import STALE_MESSAGE, unlocked_read
from klachtenregeling.core import clock
from klachtenregeling.core.errors import (
    InvalidInput,
    JudgmentChanged,
    StaleObject,
    TransitionRefused,
)
from klachtenregeling.improvements.services import recommendations_create_for_judgment
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages as messages

from ..constants import MAX_RECOMMENDATIONS, Answer, Party, Signer, Verdict, Via
from ..models import Judgment, JudgmentAnswer, Signature
from ..rules import hearing, signatures
from ..rules import judgment as judgment_rules
from .common import advance, clean_text, locked, staff_role, touch

PARTY_LABELS = {
    Party.COMPLAINANT: _("the complainant"),
    Party.RESPONDENT: _("the person complained about"),
}


def _judgment_pdfs(complaint, context: dict, *, dated) -> dict[str, bytes]:
    """The judgment as a letter to each party (R-5.6): the complainant's, in their language,
    and — when there is one — the letter to the person complained about, addressed to them
    in the site's language, without the complainant's contact details (R-6.1)."""
    pdfs = {
        Party.COMPLAINANT: render_letter(
            complaint, template="letters/judgment.html", context=context, dated=dated
        )
    }
    if complaint.respondent_id is not None:
        pdfs[Party.RESPONDENT] = render_letter(
            complaint,
            template="letters/judgment_respondent.html",
            context=context,
            dated=dated,
            language=settings.LANGUAGE_CODE,
        )
    return pdfs


def _store_judgment_letters(complaint, stored, pdfs: dict, *, suffix: str, by) -> dict:
    """Each party's letter stored and recorded; the respondent's is a letter of its own kind,
    never offered to the complainant (and the complainant's never to the respondent)."""
    letters = {}
    for party, pdf in pdfs.items():
        to_respondent = party == Party.RESPONDENT
        letters[party] = store_letter(
            complaint,
            stored,
            pdf=pdf,
            letter="oordeel",
            suffix=suffix + ("-betrokkene" if to_respondent else ""),
            by=by,
            kind=AttachmentKind.RESPONDENT_LETTER if to_respondent else AttachmentKind.LETTER,
        )
    return letters


def current_judgment(complaint) -> Judgment | None:
    return complaint.judgments.order_by("-version").first()


def _require_heard(complaint) -> None:
    """R-5.2/R-5.6: no judgment before both sides were heard or a reason was recorded,
    and never before the person complained about was informed (they sign it, R-5.7)."""
    if complaint.respondent_id is not None and complaint.respondent_notified_at is None:
        raise TransitionRefused(_("Inform the person complained about first."))
    missing = hearing.sides_not_heard(
        has_respondent=complaint.respondent_id is not None,
        heard=complaint.statements.values_list("party", flat=True),
        waived=complaint.waivers.values_list("party", flat=True),
    )
    if missing:
        names = ", ".join(str(PARTY_LABELS[p]) for p in sorted(missing))
        raise TransitionRefused(
            _(
                "Not every side was heard: %(parties)s. Record their account, or why they were not heard."
            )
            % {"parties": names}
        )


def _require_may_judge(complaint, by) -> None:
    policies.require(by, policies.COMPLAINT_HANDLE, complaint)
    workflow.require_status(complaint.status, workflow.JUDGMENT_ALLOWED)
    _require_heard(complaint)
    registration.require_subjects(complaint.subjects.count())


def _clean_judgment(verdict, reasoning, recommendations) -> tuple[str, str, list[str]]:
    if verdict not in Verdict.values:
        raise InvalidInput({"verdict": [_("Choose a judgment.")]})
    reasoning = clean_text(reasoning, "reasoning", required_message=_("Give the reasoning."))
    items = judgment_rules.clean_recommendations(recommendations or [])
    if len(items) > MAX_RECOMMENDATIONS or any(len(i) > MAX_SHORT_TEXT_LENGTH for i in items):
        raise InvalidInput(
            {
                "recommendations": [
                    _("At most %(n)d recommendations, each of at most %(max)d characters.")
                    % {"n": MAX_RECOMMENDATIONS, "max": MAX_SHORT_TEXT_LENGTH}
                ]
            }
        )
    return verdict, reasoning, items


def judgment_issue(
    *, complaint, verdict: str, reasoning: str, recommendations, by, expected_version=None
):
    """Send the judgment in writing to complainant and respondent, as a PDF letter (R-5.6).

    A revision (status 'judgment sent') is a new version: earlier signatures lapse (R-5.7).
    """
    verdict, reasoning, items = _clean_judgment(verdict, reasoning, recommendations)
    # The letter is rendered before the transaction (PDF rendering takes a moment; on
    # SQLite the write lock would hold every other writer that long), from the complaint
    # as it is now; the row lock then checks that no step happened in between.
    seen = unlocked_read(complaint)
    if expected_version is not None and seen.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    _require_may_judge(seen, by)
    judgment = Judgment(
        complaint=seen,
        version=(seen.judgments.aggregate(m=Max("version"))["m"] or 0) + 1,
        verdict=verdict,
        reasoning=reasoning,
        recommendations=items,
        text_sha256=judgment_rules.text_sha256(
            verdict=verdict, reasoning=reasoning, recommendations=items
        ),
        issued_by=by,
        issued_at=clock.now(),
    )
    pdfs = _judgment_pdfs(seen, {"judgment": judgment, "signatures": []}, dated=judgment.issued_at)
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        _require_may_judge(complaint, by)
        previous = current_judgment(complaint)
        judgment.complaint = complaint
        letters = _store_judgment_letters(
            complaint, stored, pdfs, suffix=f"-v{judgment.version}", by=by
        )
        judgment.letter = letters[Party.COMPLAINANT]
        judgment.save()
        if previous is not None:
            lapsed = signatures.valid_signers(previous.signatures.all(), previous.text_sha256)
            if lapsed:
                procedure_events.signatures_voided(
                    complaint, judgment=previous, signers=list(lapsed), by=by
                )
        if complaint.status == Status.JUDGED:  # a revision keeps the status
            status_from = complaint.status
            touch(complaint)
        else:
            status_from = advance(complaint, Status.JUDGED)
        procedure_events.judgment_issued(
            complaint, judgment=judgment, by=by, status_from=status_from
        )
        # each recommendation is followed up as an action.
        recommendations_create_for_judgment(judgment=judgment, previous=previous, by=by)
        messages.judgment(complaint, judgment, letters)
    return judgment


def _current_for_signing(complaint, shown_sha256: str) -> Judgment:
    workflow.require_status(complaint.status, workflow.SIGNING_ALLOWED)
    judgment = current_judgment(complaint)
    if judgment is None or judgment.text_sha256 != shown_sha256:
        raise JudgmentChanged(
            _("The judgment was changed. Read the new version before you answer.")
        )
    return judgment


def _sign(
    complaint, judgment, *, signer: str, user, name: str, via: str, role: ActorRole
) -> Signature:
    if judgment.signatures.filter(signer=signer).exists():
        raise TransitionRefused(_("This judgment was already signed on your behalf."))
    signature = Signature.objects.create(
        judgment=judgment,
        signer=signer,
        user=user,
        name=name,
        signed_at=clock.now(),
        via=via,
        text_sha256=judgment.text_sha256,
    )
    procedure_events.signed(complaint, signature=signature, by=user, role=role)
    return signature


def _resolve_if_signed(complaint, judgment, stored) -> None:
    """R-5.7: with every required signature on the current text, the complaint is resolved."""
    missing = signatures.missing_signers(
        has_respondent=complaint.respondent_id is not None,
        signatures=judgment.signatures.all(),
        current_sha256=judgment.text_sha256,
    )
    if missing:
        touch(complaint)
        return
    status_from = advance(complaint, Status.RESOLVED)
    signed = list(judgment.signatures.all())
    pdfs = _judgment_pdfs(
        complaint,
        {"judgment": judgment, "signatures": signed},
        dated=max(signature.signed_at for signature in signed),  # the last signature
    )
    letters = _store_judgment_letters(
        complaint, stored, pdfs, suffix=f"-v{judgment.version}-ondertekend", by=None
    )
    procedure_events.resolved(complaint, judgment=judgment, status_from=status_from)
    messages.resolved(complaint, judgment, letters)


def judgment_answer(*, complaint, answer: str, shown_sha256: str, comment: str = "", link):
    """The complainant accepts (and signs) the judgment, or does not (→ not resolved, R-4.3)."""
    if answer not in Answer.values:
        raise InvalidInput({"answer": [_("Choose whether you accept the judgment.")]})
    comment = (comment or "").strip()[:MAX_SHORT_TEXT_LENGTH]
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint)
        policies.require_complainant(link, complaint)
        judgment = _current_for_signing(complaint, shown_sha256)
        if judgment.answers.exists():
            raise TransitionRefused(_("You already answered this judgment."))
        answered = JudgmentAnswer.objects.create(
            judgment=judgment,
            answer=answer,
            comment=comment,
            via=Via.PERSONAL_LINK,
            answered_at=clock.now(),
        )
        if answer == Answer.DECLINED:
            status_from = advance(complaint, Status.UNRESOLVED)
            procedure_events.judgment_answered(complaint, answer=answered, status_from=status_from)
            messages.judgment_declined(complaint, answered)
            return answered
        procedure_events.judgment_answered(complaint, answer=answered, status_from=complaint.status)
        _sign(
            complaint,
            judgment,
            signer=Signer.COMPLAINANT,
            user=None,
            name=complaint.complainant_name,
            via=Via.PERSONAL_LINK,
            role=ActorRole.COMPLAINANT,
        )
        messages.judgment_accepted(complaint, judgment)
        _resolve_if_signed(complaint, judgment, stored)
    return answered


def judgment_sign(*, complaint, shown_sha256: str, by):
    """The officer or the person complained about signs, after the complainant accepted (R-5.7)."""
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint)
        role = staff_role(by, complaint)
        judgment = _current_for_signing(complaint, shown_sha256)
        if not judgment.signatures.filter(signer=Signer.COMPLAINANT).exists():
            raise TransitionRefused(_("The complainant has not accepted this judgment yet."))
        signer = Signer.OFFICER if role == ActorRole.OFFICER else Signer.RESPONDENT
        signature = _sign(
            complaint,
            judgment,
            signer=signer,
            user=by,
            name=by.display_name,
            via=Via.LOG_IN,
            role=role,
        )
        _resolve_if_signed(complaint, judgment, stored)
    return signature
