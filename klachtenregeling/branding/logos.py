"""A logo as uploaded: PNG or JPEG by its content (not its name), small, really an image."""

import hashlib
import io
from dataclasses import dataclass
from typing import IO

import magic
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.uploads import SNIFF_BYTES
from klachtenregeling.core.errors import InvalidInput

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 4000  # per side
LOGO_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}


@dataclass(frozen=True)
class CheckedLogo:
    content: bytes
    content_type: str
    sha256: str
    width: int
    height: int


def _refuse(message) -> InvalidInput:
    return InvalidInput({"logo": [message]})


def check_logo(stream: IO[bytes]) -> CheckedLogo:
    """Read at most the limit plus one byte; sniff the type; let Pillow verify the image."""
    stream.seek(0)
    content = stream.read(MAX_LOGO_BYTES + 1)
    if not content:
        raise _refuse(_("The logo file is empty."))
    if len(content) > MAX_LOGO_BYTES:
        raise _refuse(_("The logo is larger than 512 KB. Upload a smaller PNG or JPEG."))
    detected = magic.from_buffer(content[:SNIFF_BYTES], mime=True)
    if detected not in LOGO_TYPES:
        raise _refuse(_("The logo must be a PNG or JPEG image."))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _refuse(_("The logo file is damaged or not a real image.")) from None
    if kind != LOGO_TYPES[detected]:
        raise _refuse(_("The logo must be a PNG or JPEG image."))
    if width > MAX_LOGO_PIXELS or height > MAX_LOGO_PIXELS:
        raise _refuse(_("The logo is at most 4000 by 4000 pixels."))
    return CheckedLogo(content, detected, hashlib.sha256(content).hexdigest(), width, height)
