"""Files at rest (R-8.5): chunked AES-256-GCM round trips, tampering, bounded memory."""

import io
import os
import tracemalloc

import pytest

from klachtenregeling.retention import crypto
from klachtenregeling.retention.crypto import CHUNK_SIZE, DecryptionError

KEY = bytes(range(32))


def encrypt(data: bytes, key: bytes = KEY) -> bytes:
    return b"".join(crypto.encrypt_chunks(key, io.BytesIO(data)))


def decrypt(blob: bytes, key: bytes = KEY) -> bytes:
    return crypto.DecryptingReader(key, io.BytesIO(blob)).read()


@pytest.mark.parametrize(
    "size",
    [
        0,  # one empty, final chunk
        1,
        CHUNK_SIZE - 1,
        CHUNK_SIZE,  # exactly one full chunk: it is the final one
        CHUNK_SIZE + 1,  # a full chunk and a final chunk of one byte
        3 * CHUNK_SIZE,
    ],
)
def test_r8_5_round_trip_of_every_boundary_size(size):
    data = os.urandom(size)
    blob = encrypt(data)
    assert len(blob) == crypto.encrypted_size(size)
    assert crypto.is_encrypted(blob)
    assert size < 16 or data not in blob
    assert decrypt(blob) == data
    assert crypto.verify(KEY, io.BytesIO(blob)) == size


def test_r8_5_reads_of_any_size_give_the_same_bytes():
    data = os.urandom(2 * CHUNK_SIZE + 123)
    reader = crypto.DecryptingReader(KEY, io.BytesIO(encrypt(data)))
    parts = []
    while part := reader.read(7777):
        parts.append(part)
    assert b"".join(parts) == data


def test_r8_5_the_encrypting_reader_is_the_same_format():
    data = os.urandom(CHUNK_SIZE + 5)
    reader = crypto.EncryptingReader(KEY, io.BytesIO(data))
    blob = b"".join(iter(lambda: reader.read(1000), b""))
    assert decrypt(blob) == data


def test_r8_5_two_encryptions_of_the_same_file_differ():
    assert encrypt(b"same") != encrypt(b"same")


def test_r8_5_a_changed_byte_is_detected():
    blob = bytearray(encrypt(os.urandom(2 * CHUNK_SIZE)))
    blob[crypto.HEADER_BYTES + CHUNK_SIZE + 40] ^= 1  # inside the second chunk
    with pytest.raises(DecryptionError):
        decrypt(bytes(blob))


def test_r8_5_a_changed_header_is_detected():
    blob = bytearray(encrypt(b"inhoud"))
    blob[len(crypto.MAGIC)] ^= 1  # the nonce prefix
    with pytest.raises(DecryptionError):
        decrypt(bytes(blob))


def test_r8_5_a_file_cut_at_a_chunk_boundary_is_detected():
    blob = encrypt(os.urandom(2 * CHUNK_SIZE + 10))
    cut = blob[: crypto.HEADER_BYTES + 2 * (CHUNK_SIZE + crypto.TAG_BYTES)]
    with pytest.raises(DecryptionError):
        decrypt(cut)


def test_r8_5_a_file_cut_inside_a_chunk_is_detected():
    blob = encrypt(os.urandom(CHUNK_SIZE + 10))
    with pytest.raises(DecryptionError):
        decrypt(blob[:-3])


def test_r8_5_swapped_chunks_are_detected():
    blob = encrypt(os.urandom(3 * CHUNK_SIZE))
    sealed = CHUNK_SIZE + crypto.TAG_BYTES
    header, body = blob[: crypto.HEADER_BYTES], blob[crypto.HEADER_BYTES :]
    chunks = [body[i : i + sealed] for i in range(0, len(body), sealed)]
    swapped = header + chunks[1] + chunks[0] + b"".join(chunks[2:])
    with pytest.raises(DecryptionError):
        decrypt(swapped)


def test_r8_5_bytes_appended_are_detected():
    with pytest.raises(DecryptionError):
        decrypt(encrypt(b"inhoud") + b"\x00" * 20)


def test_r8_5_the_wrong_key_is_detected():
    with pytest.raises(DecryptionError):
        decrypt(encrypt(b"inhoud"), key=bytes(32))


def test_r8_5_a_plain_file_is_not_taken_for_an_encrypted_one():
    with pytest.raises(DecryptionError):
        decrypt(b"%PDF-1.4 gewoon een bestand")


def test_r8_5_a_data_key_is_bound_to_its_complaint():
    kek = os.urandom(32)
    wrapped = crypto.wrap_key(kek, KEY, context=b"complaint:1")
    assert crypto.unwrap_key(kek, wrapped, context=b"complaint:1") == KEY
    with pytest.raises(DecryptionError):
        crypto.unwrap_key(kek, wrapped, context=b"complaint:2")
    with pytest.raises(DecryptionError):
        crypto.unwrap_key(os.urandom(32), wrapped, context=b"complaint:1")


class _Zeros(io.RawIOBase):
    """A 20 MB source that never exists in memory as a whole."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"\x01" * n
        self.left -= n
        return n


def test_r8_5_a_20_mb_file_is_encrypted_and_decrypted_streaming_in_bounded_memory(tmp_path):
    size = 20 * 1024 * 1024
    path = tmp_path / "groot.enc"
    tracemalloc.start()
    try:
        with path.open("wb") as out:
            reader = crypto.EncryptingReader(KEY, io.BufferedReader(_Zeros(size)))
            while piece := reader.read(CHUNK_SIZE):
                out.write(piece)
        _, peak_encrypt = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        total = 0
        with crypto.DecryptingReader(KEY, path.open("rb")) as plain:
            while part := plain.read(8192):
                total += len(part)
        _, peak_decrypt = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == size
    # A few chunks at most, nowhere near the file's 20 MB.
    assert peak_encrypt < 1024 * 1024, peak_encrypt
    assert peak_decrypt < 1024 * 1024, peak_decrypt
