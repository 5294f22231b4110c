from .importing import ImportResult, mail_import, mail_purge_failed, mail_retry
from .mailbox import mailbox_save, mailbox_set_secret
from .triage import mail_discard, mail_register_complaint, mail_to_question

__all__ = [
    "ImportResult",
    "mail_discard",
    "mail_import",
    "mail_purge_failed",
    "mail_register_complaint",
    "mail_retry",
    "mail_to_question",
    "mailbox_save",
    "mailbox_set_secret",
]
