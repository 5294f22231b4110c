"""Two app processes and two background workers on one PostgreSQL database, with the
production settings (Redis for the cache and the rate limits), everything on loopback.

500 complaints are filed through the public form, spread over both app processes, while
one worker is stopped midway (SIGTERM, as a restart sends) and started again. Afterwards:
500 complaints, 500 distinct references, exactly one acknowledgement per complainant in a
real SMTP server (aiosmtpd), and no response with a 5xx status.

PostgreSQL only (SQLite is the embedded installation: one process); `make test` runs it in
its PostgreSQL round. Needs Redis on 127.0.0.1:6379 (REDIS_TEST_URL to change).
"""

import base64
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
import requests
from django.db import connection

from conftest import free_port
from klachtenregeling.complaints.models import Complaint

ROOT = Path(__file__).resolve().parents[2]
COMPLAINTS = 500
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.django_db(transaction=True),
]


def database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def production_environment(tmp_path, smtp_port: int) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "KLACHTEN_KEK": base64.b64encode(secrets.token_bytes(32)).decode(),
        "DATA_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://klachten.interactie.nl",
        "TRUSTED_PROXY_COUNT": "1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "DEFAULT_FROM_EMAIL": "klachten@interactie.nl",
    }


class Processes:
    def __init__(self, env: dict, log_dir: Path):
        self.env, self.log_dir, self.running = env, log_dir, {}

    def start(self, name: str, *command: str) -> None:
        log = (self.log_dir / f"{name}.log").open("a")
        self.running[name] = subprocess.Popen(  # noqa: S603 - fixed arguments
            command, cwd=ROOT, env=self.env, stdout=log, stderr=log
        )

    def stop(self, name: str, sig=signal.SIGTERM) -> None:
        process = self.running.pop(name)
        process.send_signal(sig)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text()[-3000:]}" for p in sorted(self.log_dir.glob("*.log"))
        )


def wait_until_up(base: str, processes: Processes) -> None:
    for _ in range(300):
        try:
            if requests.get(base + "/", timeout=2, headers=PROXY).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{base} did not come up\n{processes.logs()}")


# What the reverse proxy passes: the original scheme and the client's address.
PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.1"}


def submit(base: str, org_slug: str, number: int) -> list[int]:
    """One complainant: the form, then the complaint; the statuses seen (no redirects
    followed: the receipt is the 302's target)."""
    url = f"{base}/{org_slug}/klacht/"
    headers = {**PROXY, "X-Forwarded-For": f"10.{number // 250}.{number % 250}.7"}
    form = requests.get(url, headers=headers, timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    key = re.search(r'name="submission_key" value="([^"]+)"', form.text)
    if form.status_code != 200 or not token or not key:
        return [form.status_code]
    # The cookies are Secure (HTTPS behind the proxy): requests would not send them back
    # over plain http, so they go in the header by hand.
    cookies = "; ".join(f"{c.name}={c.value}" for c in form.cookies)
    response = requests.post(
        url,
        data={
            "csrfmiddlewaretoken": token.group(1),
            "submission_key": key.group(1),
            "complainant_name": f"Klager {number}",
            "complainant_email": f"klager{number}@example.org",
            "representation": "self",
            "concerns": "quality",
            "engagement_description": "Training Excel in Utrecht",
            "description": f"De factuur {number} klopt niet en niemand belt terug.",
        },
        headers={**headers, "Cookie": cookies, "Referer": url.replace("http:", "https:")},
        allow_redirects=False,
        timeout=60,
    )
    return [form.status_code, response.status_code]


def test_two_app_processes_and_two_workers_file_500_complaints(org, officer, smtp_server, tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()  # the rate limits of an earlier run
    env = production_environment(tmp_path, smtp_server.port)
    processes = Processes(env, tmp_path)
    python = sys.executable
    # As a deployment does before starting the app: the manifest the production storage needs.
    subprocess.run(  # noqa: S603 - fixed arguments
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    ports = [free_port(), free_port()]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for i, port in enumerate(ports):
            processes.start(
                f"app{i}",
                str(ROOT / ".venv/bin/gunicorn"),
                "config.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "4",
            )
        for i in range(2):
            processes.start(f"worker{i}", python, "manage.py", "db_worker", "--interval", "0.2")
        for base in bases:
            wait_until_up(base, processes)

        started = time.monotonic()
        statuses = []
        with ThreadPoolExecutor(8) as pool:
            first = [pool.submit(submit, bases[n % 2], org.slug, n) for n in range(COMPLAINTS // 2)]
            statuses += [f.result() for f in first]
            # Midway: one worker stops (finishing its task) and starts again.
            processes.stop("worker0")
            second = [
                pool.submit(submit, bases[n % 2], org.slug, n)
                for n in range(COMPLAINTS // 2, COMPLAINTS)
            ]
            time.sleep(1)
            processes.start("worker0", python, "manage.py", "db_worker", "--interval", "0.2")
            statuses += [f.result() for f in second]
        submitted = time.monotonic() - started

        addresses = [f"klager{n}@example.org" for n in range(COMPLAINTS)]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if all(smtp_server.to(a) for a in addresses):
                break
            time.sleep(0.5)
        time.sleep(2)  # a duplicate would arrive now
    finally:
        processes.stop_all()
    logs = processes.logs()

    assert not [s for s in statuses if any(code >= 500 for code in s)], logs
    assert [s for s in statuses if s != [200, 302]] == [], logs
    complaints = Complaint.objects.filter(organisation=org)
    assert complaints.count() == COMPLAINTS
    assert complaints.values("reference").distinct().count() == COMPLAINTS
    per_address = {a: len(smtp_server.to(a)) for a in addresses}
    assert set(per_address.values()) == {1}, (
        {a: n for a, n in per_address.items() if n != 1},
        logs,
    )
    print(f"{COMPLAINTS} complaints filed in {submitted:.1f} s over two app processes")
