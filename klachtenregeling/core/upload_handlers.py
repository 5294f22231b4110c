"""Upload handling that never writes more of a file to disk than the size check needs."""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


class BoundedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Keeps at most MAX_ATTACHMENT_BYTES + 1 bytes of each file.

    One byte over the limit is enough for the upload check to refuse the file with a
    clear message; the rest of an oversized upload is read and discarded.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.kept = 0

    def receive_data_chunk(self, raw_data, start):
        room = settings.MAX_ATTACHMENT_BYTES + 1 - self.kept
        if room > 0:
            part = raw_data[:room]
            self.file.write(part)
            self.kept += len(part)

    def file_complete(self, file_size):
        return super().file_complete(self.kept)
