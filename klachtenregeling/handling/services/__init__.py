"""The only writers of the procedure's state (Art. 5). Each function is one transaction."""

from .answers import (
    complaint_close_no_answer,
    judgment_answer_record,
    paper_signature_record,
)
from .endings import (
    case_file_export,
    complaint_close,
    complaint_declare_not_admissible,
    complaint_withdraw_by_complainant,
    complaint_withdraw_on_behalf,
    links_revoke,
    not_admissible_draft,
    referral_record,
    ruling_record,
)
from .hearing import (
    hearing_invite,
    hearing_invite_parties,
    hearing_waive,
    respondent_notify,
    respondent_set,
    statement_give_as_complainant,
    statement_give_as_staff,
)
from .judgment import judgment_answer, judgment_draft, judgment_issue, judgment_sign
from .sharing import attachment_share_with_respondent
from .solutions import proposal_answer, proposal_make, update_add

__all__ = [
    "attachment_share_with_respondent",
    "case_file_export",
    "complaint_close",
    "complaint_close_no_answer",
    "complaint_declare_not_admissible",
    "complaint_withdraw_by_complainant",
    "complaint_withdraw_on_behalf",
    "hearing_invite",
    "hearing_invite_parties",
    "hearing_waive",
    "judgment_answer",
    "judgment_answer_record",
    "judgment_draft",
    "judgment_issue",
    "judgment_sign",
    "links_revoke",
    "not_admissible_draft",
    "paper_signature_record",
    "proposal_answer",
    "proposal_make",
    "referral_record",
    "respondent_notify",
    "respondent_set",
    "ruling_record",
    "statement_give_as_complainant",
    "statement_give_as_staff",
    "update_add",
]
