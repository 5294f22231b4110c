"""A real IMAP server for the tests and the benchmark: Dovecot on a loopback port with a
throw-away configuration and maildir, started when needed (installed from Debian's
packages by scripts/ensure_dovecot.sh when missing), the way scripts/ensure_postgres.sh
gives the tests a PostgreSQL server."""

import imaplib
import os
import shutil
import signal
import socket
import subprocess  # nosec B404 - starts the test's own Dovecot
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER = "klachten@interactie.nl"
PASSWORD = "geheim-voor-de-test"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {dir}/run
state_dir = {dir}/run
log_path = {dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{dir}/mail/%u
default_internal_user = dovecot
default_login_user = dovenull
default_internal_group = dovecot
first_valid_uid = 100
mail_max_userip_connections = 50
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={dir}/mail/%u
}}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _binary() -> str:
    found = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else ""
    )
    if not found:
        subprocess.run(["bash", str(ROOT / "scripts" / "ensure_dovecot.sh")], check=True)  # noqa: S603, S607  # nosec
        found = "/usr/sbin/dovecot"
    return found


class Dovecot:
    """Start with `start()`, stop with `stop()`; `connect()` gives a logged-in imaplib client."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="klachten-dovecot-"))
        self.port = _free_port()
        self.host = "127.0.0.1"
        self.user, self.password = USER, PASSWORD

    def start(self) -> "Dovecot":
        binary = _binary()
        (self.dir / "run").mkdir()
        (self.dir / "mail").mkdir()
        (self.dir / "users").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        (self.dir / "dovecot.conf").write_text(CONFIG.format(dir=self.dir, port=self.port))
        self.dir.chmod(0o755)
        shutil.chown(self.dir / "mail", "dovecot", "dovecot")
        subprocess.run(  # noqa: S603  # nosec B603 - it daemonises; output to its log
            [binary, "-c", str(self.dir / "dovecot.conf")],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                self.connect().logout()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"Dovecot did not start; see {self.dir / 'dovecot.log'}")

    def stop(self) -> None:
        pid_file = self.dir / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(self.dir, ignore_errors=True)

    def connect(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, raw: bytes, folder: str = "INBOX", when: float | None = None) -> None:
        client = self.connect()
        try:
            status, _ = client.append(
                folder, None, imaplib.Time2Internaldate(when or time.time()), raw
            )
            assert status == "OK"
        finally:
            client.logout()

    def count(self, folder: str = "INBOX") -> int:
        client = self.connect()
        try:
            status, data = client.select(f'"{folder}"', readonly=True)
            return int(data[0]) if status == "OK" else 0
        finally:
            client.logout()

    def empty(self) -> None:
        """Remove every folder's messages (between tests)."""
        client = self.connect()
        try:
            _, folders = client.list()
            for line in folders or []:
                name = line.decode().split(' "." ', 1)[-1].strip().strip('"')
                status, data = client.select(f'"{name}"')
                if status == "OK" and int(data[0] or 0):
                    client.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
                    client.expunge()
        finally:
            client.logout()
