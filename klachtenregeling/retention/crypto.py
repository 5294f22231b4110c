"""Files at rest: chunked AES-256-GCM, streamed in both directions (pure; no Django).

Layout of an encrypted file::

    MAGIC (8 bytes) | nonce prefix (8 random bytes) | chunk 0 | chunk 1 | ... | chunk n

Each chunk is at most CHUNK_SIZE bytes of plaintext followed by its 16-byte tag. Chunk i is
sealed with the nonce ``prefix || i (4 bytes)`` and the associated data ``header || i (8
bytes) || final flag (1 byte)``. Changing a byte, swapping or dropping chunks, cutting the
file at a chunk boundary or appending to it all make decryption fail: the last chunk, and
only the last, is sealed as final. An empty file is one empty, final chunk.

Neither direction holds more than two chunks in memory.
"""

import base64
import binascii
import os
import struct
from collections.abc import Iterator
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"KLENC\x00\x01\n"
PREFIX_BYTES = 8
HEADER_BYTES = len(MAGIC) + PREFIX_BYTES
CHUNK_SIZE = 64 * 1024
TAG_BYTES = 16
KEY_BYTES = 32
MAX_CHUNKS = 2**32


class DecryptionError(Exception):
    """The file is not ours, was changed, cut short, or the key is wrong."""


def parse_key_text(value: str, *, name: str) -> bytes:
    """A 32-byte key from its base64 text; ValueError with a plain reason otherwise."""
    if not value:
        raise ValueError(
            f"{name} is not set: give the base64 of 32 random bytes (python -c "
            '"import base64,secrets;print(base64.b64encode(secrets.token_bytes(32)).decode())").'
        )
    try:
        key = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"{name} is not valid base64.") from error
    if len(key) != KEY_BYTES:
        raise ValueError(f"{name} must be 32 bytes (base64 of 32 random bytes), not {len(key)}.")
    return key


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _nonce(prefix: bytes, index: int) -> bytes:
    if index >= MAX_CHUNKS:
        raise ValueError("file too large for one nonce prefix")
    return prefix + struct.pack(">I", index)


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def encrypted_size(plain_size: int) -> int:
    chunks = max(1, -(-plain_size // CHUNK_SIZE))
    return HEADER_BYTES + plain_size + chunks * TAG_BYTES


def _read_full(stream: IO[bytes], size: int) -> bytes:
    """Read exactly `size` bytes unless the stream ends first (reads may return less)."""
    parts, wanted = [], size
    while wanted > 0:
        data = stream.read(wanted)
        if not data:
            break
        parts.append(data)
        wanted -= len(data)
    return b"".join(parts)


def encrypt_chunks(key: bytes, source: IO[bytes]) -> Iterator[bytes]:
    """The encrypted file, piece by piece: the header, then one sealed chunk at a time."""
    aead = AESGCM(key)
    header = MAGIC + os.urandom(PREFIX_BYTES)
    prefix = header[len(MAGIC) :]
    yield header
    index, current = 0, _read_full(source, CHUNK_SIZE)
    while True:
        following = _read_full(source, CHUNK_SIZE) if len(current) == CHUNK_SIZE else b""
        final = not following
        yield aead.encrypt(_nonce(prefix, index), current, _aad(header, index, final))
        if final:
            return
        index, current = index + 1, following


class _PieceReader:
    """`read(size)` over an iterator of byte pieces, holding at most one piece more than asked."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._buffer = b""
        self._done = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            piece = next(self._pieces, None)
            if piece is None:
                self._done = True
            else:
                self._buffer += piece
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


class EncryptingReader(_PieceReader):
    """A read-only file object whose content is the encryption of `source` (for storages)."""

    def __init__(self, key: bytes, source: IO[bytes]) -> None:
        super().__init__(encrypt_chunks(key, source))

    def close(self) -> None:
        self._pieces.close()


def decrypt_chunks(key: bytes, source: IO[bytes]) -> Iterator[bytes]:
    """The plaintext, one chunk at a time; raises DecryptionError at the first bad chunk."""
    header = _read_full(source, HEADER_BYTES)
    if len(header) != HEADER_BYTES or not is_encrypted(header):
        raise DecryptionError("not an encrypted file")
    aead = AESGCM(key)
    prefix = header[len(MAGIC) :]
    sealed = CHUNK_SIZE + TAG_BYTES
    index, current = 0, _read_full(source, sealed)
    while True:
        following = _read_full(source, sealed) if len(current) == sealed else b""
        final = not following
        if len(current) < TAG_BYTES:
            raise DecryptionError("file cut short")
        try:
            yield aead.decrypt(_nonce(prefix, index), current, _aad(header, index, final))
        except InvalidTag as error:
            raise DecryptionError(f"chunk {index} does not authenticate") from error
        if final:
            return
        index, current = index + 1, following


class DecryptingReader(_PieceReader):
    """A read-only, non-seekable file object over the plaintext of an encrypted stream.

    Deliberately without `name`, `tell` and `seek`: a response must not take the size of
    the encrypted file on disk for the size of its content.
    """

    def __init__(self, key: bytes, source: IO[bytes]) -> None:
        super().__init__(decrypt_chunks(key, source))
        self._source = source

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._pieces.close()
        self._source.close()

    def __enter__(self) -> "DecryptingReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def verify(key: bytes, source: IO[bytes]) -> int:
    """Authenticate every chunk without keeping the plaintext; returns the plaintext size."""
    return sum(len(chunk) for chunk in decrypt_chunks(key, source))


def wrap_key(kek: bytes, data_key: bytes, *, context: bytes) -> bytes:
    """Seal a data key under the key-encryption key, bound to `context` (e.g. the complaint)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, b"klachten-data-key:" + context)


def unwrap_key(kek: bytes, wrapped: bytes, *, context: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(wrapped[:12], wrapped[12:], b"klachten-data-key:" + context)
    except InvalidTag as error:
        raise DecryptionError(
            "the data key does not unwrap with this key-encryption key"
        ) from error
