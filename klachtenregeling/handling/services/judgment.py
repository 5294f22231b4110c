"""R-5.6 the written judgment; R-5.7 signatures on its exact text; R-4.3 when not accepted."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.audit import procedure_events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.constants import MAX_SHORT_TEXT_LENGTH, AttachmentKind, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules import registration
from klachtenregeling.complaints.services.attachments import StoredFiles, cleaned_up_on_failure
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, JudgmentChanged, TransitionRefused
from klachtenregeling.improvements.services import recommendations_create_for_judgment
from klachtenregeling.letters.store import render_letter, store_letter
from klachtenregeling.notifications import procedure_messages as messages

from .. import guards
from ..constants import MAX_RECOMMENDATIONS, Answer, Party, Signer, Verdict, Via
from ..models import Judgment, JudgmentAnswer, Signature
from ..rules import hearing, signatures
from ..rules import judgment as judgment_rules
from ..selectors import current_judgment
from .common import advance, clean_text, locked, render_before_lock, save_step, staff_role

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

PARTY_LABELS: dict[str, "StrPromise"] = {
    Party.COMPLAINANT: _("the complainant"),
    Party.RESPONDENT: _("the person complained about"),
}


def _judgment_pdfs(complaint: Complaint, context: dict, *, dated: datetime) -> dict[str, bytes]:
    """The judgment as a letter to each party (R-5.6): the complainant's, in their language,
    and — when there is one — the letter to the person complained about, addressed to them
    in the site's language, without the complainant's contact details (R-6.1)."""
    pdfs: dict[str, bytes] = {
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


def _store_judgment_letters(
    complaint: Complaint, stored: StoredFiles, pdfs: dict[str, bytes], *, suffix: str, by
) -> dict:
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


def _require_heard(complaint: Complaint) -> None:
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


def _require_may_judge(complaint: Complaint, by) -> None:
    policies.require(by, policies.COMPLAINT_HANDLE, complaint)
    guards.judge(complaint)
    _require_heard(complaint)
    registration.require_subjects(complaint.subjects.count())


def _clean_judgment(
    verdict: str, reasoning: str, recommendations: list[str] | None
) -> tuple[str, str, list[str]]:
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


@dataclass(frozen=True)
class JudgmentDraft:
    """A judgment not yet sent: the complaint as it was read, the judgment (unsaved) and
    each party's letter exactly as it will be sent (R-5.6)."""

    complaint: Complaint
    judgment: Judgment
    pdfs: dict[str, bytes]


def judgment_draft(
    *,
    complaint: Complaint,
    verdict: str,
    reasoning: str,
    recommendations: list[str] | None,
    by,
    expected_version: int | None = None,
) -> JudgmentDraft:
    """The judgment and its letters as they would be sent now; nothing is stored. The
    officer previews these before `judgment_issue` sends the same."""
    verdict, reasoning, items = _clean_judgment(verdict, reasoning, recommendations)

    def render(seen: Complaint) -> tuple[Judgment, dict[str, bytes]]:
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
        context = {"judgment": judgment, "signatures": []}
        return judgment, _judgment_pdfs(seen, context, dated=judgment.issued_at)

    seen, (judgment, pdfs) = render_before_lock(
        complaint,
        expected_version=expected_version,
        check=lambda seen: _require_may_judge(seen, by),
        render=render,
    )
    return JudgmentDraft(complaint=seen, judgment=judgment, pdfs=pdfs)


def judgment_issue(
    *,
    complaint: Complaint,
    verdict: str,
    reasoning: str,
    recommendations: list[str] | None,
    by,
    expected_version: int | None = None,
) -> Judgment:
    """Send the judgment in writing to complainant and respondent, as a PDF letter (R-5.6).

    A revision (status 'judgment sent') is a new version: earlier signatures lapse (R-5.7).
    """
    draft = judgment_draft(
        complaint=complaint,
        verdict=verdict,
        reasoning=reasoning,
        recommendations=recommendations,
        by=by,
        expected_version=expected_version,
    )
    judgment = draft.judgment
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, draft.complaint.version)
        _require_may_judge(complaint, by)
        previous = current_judgment(complaint)
        judgment.complaint = complaint
        letters = _store_judgment_letters(
            complaint, stored, draft.pdfs, suffix=f"-v{judgment.version}", by=by
        )
        judgment.letter = letters[Party.COMPLAINANT]
        judgment.save()
        if previous is not None:
            lapsed = signatures.valid_signers(previous.signatures.all(), previous.text_sha256)
            if lapsed:
                procedure_events.signatures_voided(
                    complaint, judgment=previous, signers=list(lapsed), by=by
                )
        status_from = complaint.status
        if complaint.status != Status.JUDGED:  # a revision keeps the status
            advance(complaint, Status.JUDGED)
        save_step(complaint)
        procedure_events.judgment_issued(
            complaint, judgment=judgment, by=by, status_from=status_from
        )
        # each recommendation is followed up as an action.
        recommendations_create_for_judgment(judgment=judgment, previous=previous, by=by)
        messages.judgment(complaint, judgment, letters)
    return judgment


def _current_for_signing(complaint: Complaint, shown_sha256: str) -> Judgment:
    guards.sign(complaint)
    judgment = current_judgment(complaint)
    if judgment is None or judgment.text_sha256 != shown_sha256:
        raise JudgmentChanged(
            _("The judgment was changed. Read the new version before you answer.")
        )
    return judgment


@dataclass(frozen=True)
class _Signing:
    """A signature about to be given, and — when it is the last one required (R-5.7) — the
    signed letters, rendered before the transaction (`render_before_lock`)."""

    signer: str
    user: User | None
    name: str
    via: str
    at: datetime
    signed_pdfs: dict[str, bytes] | None = None


def _prepare_signing(
    complaint: Complaint,
    signing: _Signing,
    *,
    judgment_of: Callable[[Complaint], Judgment],
    check: Callable[[Complaint], object],
    expected_version: int | None = None,
) -> tuple[Complaint, _Signing]:
    """Before the transaction: the judgment to be signed (`judgment_of`), and when this
    signature completes it, the signed letters (R-5.7), rendered outside the lock."""

    def render(seen: Complaint) -> _Signing:
        named = _Signing(**{**signing.__dict__, "name": signing.name or seen.complainant_name})
        judgment = judgment_of(seen)
        given = list(judgment.signatures.all())
        if any(s.signer == named.signer for s in given):
            return named  # refused in the transaction, with the reason
        new = Signature(
            judgment=judgment,
            signer=named.signer,
            user=named.user,
            name=named.name,
            signed_at=named.at,
            via=named.via,
            text_sha256=judgment.text_sha256,
        )
        missing = signatures.missing_signers(
            has_respondent=seen.respondent_id is not None,
            signatures=[*given, new],
            current_sha256=judgment.text_sha256,
        )
        if missing:
            return named
        signed = [*given, new]
        pdfs = _judgment_pdfs(
            seen,
            {"judgment": judgment, "signatures": signed},
            dated=max(signature.signed_at for signature in signed),  # the last signature
        )
        return _Signing(**{**named.__dict__, "signed_pdfs": pdfs})

    return render_before_lock(
        complaint, expected_version=expected_version, check=check, render=render
    )


def _sign(
    complaint: Complaint, judgment: Judgment, signing: _Signing, *, role: ActorRole
) -> Signature:
    if judgment.signatures.filter(signer=signing.signer).exists():
        raise TransitionRefused(_("This judgment was already signed on your behalf."))
    signature = Signature.objects.create(
        judgment=judgment,
        signer=signing.signer,
        user=signing.user,
        name=signing.name,
        signed_at=signing.at,
        via=signing.via,
        text_sha256=judgment.text_sha256,
    )
    procedure_events.signed(complaint, signature=signature, by=signing.user, role=role)
    return signature


def _resolve_if_signed(
    complaint: Complaint, judgment: Judgment, stored: StoredFiles, signing: _Signing
) -> None:
    """R-5.7: with every required signature on the current text, the complaint is resolved;
    the signed letters were rendered before the lock (`_prepare_signing`)."""
    missing = signatures.missing_signers(
        has_respondent=complaint.respondent_id is not None,
        signatures=judgment.signatures.all(),
        current_sha256=judgment.text_sha256,
    )
    if missing or signing.signed_pdfs is None:
        save_step(complaint)
        return
    status_from = advance(complaint, Status.RESOLVED)
    save_step(complaint)
    letters = _store_judgment_letters(
        complaint,
        stored,
        signing.signed_pdfs,
        suffix=f"-v{judgment.version}-ondertekend",
        by=None,
    )
    procedure_events.resolved(complaint, judgment=judgment, status_from=status_from)
    messages.resolved(complaint, judgment, letters)


def judgment_answer(
    *, complaint: Complaint, answer: str, shown_sha256: str, comment: str = "", link
) -> JudgmentAnswer:
    """The complainant accepts (and signs) the judgment, or does not (→ not resolved, R-4.3)."""
    if answer not in Answer.values:
        raise InvalidInput({"answer": [_("Choose whether you accept the judgment.")]})
    comment = (comment or "").strip()[:MAX_SHORT_TEXT_LENGTH]
    signing = _Signing(
        signer=Signer.COMPLAINANT,
        user=None,
        name="",
        via=Via.PERSONAL_LINK,
        at=clock.now(),
    )
    if answer == Answer.ACCEPTED:
        seen, signing = _prepare_signing(
            complaint,
            signing,
            judgment_of=lambda seen: _current_for_signing(seen, shown_sha256),
            check=lambda seen: policies.require_complainant(link, seen),
        )
        expected_version: int | None = seen.version
    else:
        expected_version = None
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, expected_version)
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
            save_step(complaint)
            procedure_events.judgment_answered(complaint, answer=answered, status_from=status_from)
            messages.judgment_declined(complaint, answered)
            return answered
        procedure_events.judgment_answered(complaint, answer=answered, status_from=complaint.status)
        _sign(complaint, judgment, signing, role=ActorRole.COMPLAINANT)
        messages.judgment_accepted(complaint, judgment)
        _resolve_if_signed(complaint, judgment, stored, signing)
    return answered


def judgment_sign(*, complaint: Complaint, shown_sha256: str, by) -> Signature:
    """The officer or the person complained about signs, after the complainant accepted (R-5.7)."""
    role = staff_role(by, complaint)
    signing = _Signing(
        signer=Signer.OFFICER if role == ActorRole.OFFICER else Signer.RESPONDENT,
        user=by,
        name=by.display_name,
        via=Via.LOG_IN,
        at=clock.now(),
    )
    seen, signing = _prepare_signing(
        complaint,
        signing,
        judgment_of=lambda seen: _current_for_signing(seen, shown_sha256),
        check=lambda seen: staff_role(by, seen),
    )
    with cleaned_up_on_failure() as stored, transaction.atomic():
        complaint = locked(complaint, seen.version)
        role = staff_role(by, complaint)
        judgment = _current_for_signing(complaint, shown_sha256)
        if not judgment.signatures.filter(signer=Signer.COMPLAINANT).exists():
            raise TransitionRefused(_("The complainant has not accepted this judgment yet."))
        signature = _sign(complaint, judgment, signing, role=role)
        _resolve_if_signed(complaint, judgment, stored, signing)
    return signature
