"""R-4.3: the case file for the disputes body — one ZIP with a manifest of SHA-256 hashes."""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from django.utils import translation

from klachtenregeling.audit.presentation import describe
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.compliance.documents import statement_pdf
from klachtenregeling.compliance.selectors import compliance_for
from klachtenregeling.core import clock
from klachtenregeling.letters.pdf import PdfVariant, render_pdf
from klachtenregeling.retention.files import read_plaintext

FOLDERS = {
    AttachmentKind.LETTER: "03-reactie-organisatie",
    AttachmentKind.RESPONDENT_LETTER: "03-reactie-organisatie",
    AttachmentKind.ORIGINAL: "02-klacht-zoals-ingediend",
    AttachmentKind.SUPPORTING: "05-overige-bijlagen",
    AttachmentKind.RULING: "05-overige-bijlagen",
}


@dataclass(frozen=True)
class CaseFile:
    filename: str
    content: bytes
    manifest: list[dict]
    manifest_sha256: str


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def build(complaint) -> CaseFile:
    """Everything the committee needs, each file hashed in manifest.json."""
    language = complaint.language
    context = {"complaint": complaint, "organisation": complaint.organisation}
    generated_at = clock.now()
    with translation.override(language):
        events = [
            (event, describe(event))
            for event in complaint.events.select_related("actor").order_by("seq")
        ]
    files: list[tuple[str, bytes]] = [
        (
            "01-dossier.pdf",
            render_pdf(
                "letters/dossier.html",
                {
                    **context,
                    "events": events,
                    "statements": complaint.statements.all(),
                    "waivers": complaint.waivers.all(),
                    "proposals": complaint.proposals.all(),
                    "judgments": complaint.judgments.prefetch_related("signatures"),
                    "generated_at": generated_at,
                },
                language=language,
                variant=PdfVariant.RECORD,
                created=generated_at,
            ),
        ),
        (
            "02-klacht-zoals-ingediend/klacht.pdf",
            render_pdf(
                "letters/submission.html",
                context,
                language=language,
                variant=PdfVariant.RECORD,
                created=complaint.received_at,
            ),
        ),
    ]
    # Issue 14: the regulation held against this complaint, rule by rule.
    with translation.override(language):
        files.append(("06-naleving.pdf", statement_pdf(complaint, compliance_for(complaint))))
    used: set[str] = {name for name, _ in files}
    for attachment in complaint.attachments.order_by("uploaded_at", "pk"):
        name = _unique(
            f"{FOLDERS.get(attachment.kind, '05-overige-bijlagen')}/{attachment.filename}", used
        )
        files.append((name, read_plaintext(attachment)))  # stored encrypted
    if complaint.engagement_id:
        for document in complaint.engagement.documents.all():
            name = _unique(f"04-opdracht/{document.kind}-{document.filename or 'document'}", used)
            files.append((name, _read(document.file)))
    manifest = [
        {"file": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in files
    ]
    manifest_bytes = json.dumps(
        {
            "reference": complaint.reference,
            "organisation": complaint.organisation.name,
            "files": manifest,
        },
        indent=2,
        ensure_ascii=False,
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
        archive.writestr("manifest.json", manifest_bytes)
    return CaseFile(
        filename=f"{complaint.reference}-dossier-geschillencommissie.zip",
        content=buffer.getvalue(),
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
    )


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 1
    while candidate in used:
        number += 1
        stem, dot, ext = name.rpartition(".")
        candidate = f"{stem}-{number}.{ext}" if dot else f"{name}-{number}"
    used.add(candidate)
    return candidate
