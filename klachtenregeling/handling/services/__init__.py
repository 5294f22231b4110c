"""The only writers of the procedure's state (Art. 5). Each function is one transaction."""

from .endings import (
    case_file_export,
    complaint_close,
    complaint_declare_not_admissible,
    complaint_withdraw_by_complainant,
    complaint_withdraw_on_behalf,
    links_revoke,
    referral_conditions,
    referral_record,
    ruling_record,
)
from .hearing import (
    hearing_invite,
    hearing_waive,
    respondent_notify,
    respondent_set,
    statement_give_as_complainant,
    statement_give_as_staff,
)
from .judgment import current_judgment, judgment_answer, judgment_issue, judgment_sign
from .solutions import proposal_answer, proposal_make, update_add

__all__ = [
    "case_file_export",
    "complaint_close",
    "complaint_declare_not_admissible",
    "complaint_withdraw_by_complainant",
    "complaint_withdraw_on_behalf",
    "current_judgment",
    "hearing_invite",
    "hearing_waive",
    "judgment_answer",
    "judgment_issue",
    "judgment_sign",
    "links_revoke",
    "proposal_answer",
    "proposal_make",
    "referral_conditions",
    "referral_record",
    "respondent_notify",
    "respondent_set",
    "ruling_record",
    "statement_give_as_complainant",
    "statement_give_as_staff",
    "update_add",
]
