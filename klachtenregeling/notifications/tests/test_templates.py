"""Every kind of message has its three templates: subject, plain text and HTML."""

from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from klachtenregeling.notifications.constants import MessageKind


def test_every_message_kind_has_subject_text_and_html_templates():
    missing = []
    for kind in MessageKind.values:
        for part in ("subject.txt", "body.txt", "body.html"):
            try:
                get_template(f"notifications/{kind}/{part}")
            except TemplateDoesNotExist:
                missing.append(f"{kind}/{part}")
    assert missing == []
