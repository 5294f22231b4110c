"""The only writers of complaint state. Each function is one transaction."""

from .deadlines import complaint_extend_deadline, extension_draft
from .handling import (
    complaint_add_attachment,
    complaint_add_files_by_complainant,
    complaint_add_note,
    complaint_assign_officer,
    complaint_set_subjects,
    complaint_start_handling,
)
from .intake import SubmitResult, complaint_register, complaint_register_oral, complaint_submit

__all__ = [
    "SubmitResult",
    "complaint_add_attachment",
    "complaint_add_files_by_complainant",
    "complaint_add_note",
    "complaint_assign_officer",
    "complaint_extend_deadline",
    "complaint_register",
    "complaint_register_oral",
    "complaint_set_subjects",
    "complaint_start_handling",
    "complaint_submit",
    "extension_draft",
]
