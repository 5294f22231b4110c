"""Valid HTML: the Nu Html Checker (vnu-jar) over every page the browser journeys visit.

What the browser tests' live server sends to a browser *document* request (`Sec-Fetch-Dest:
document`: a navigation, a form post, the page after a redirect, an error page) is kept as the
server sent it: the raw HTML, not the DOM after scripts. Fragments that htmx swaps in are
fetch requests (`Sec-Fetch-Dest: empty`) and stay out, as do redirects, PDFs and downloads.
Kept on the server side (Django's WSGI handler, which serves only the live server; the test
client has its own handler), so no browser context needs to be watched and no page is lost
when the browser has already navigated on. Documents differing only in their CSRF token are
kept once.

Each pytest process writes its pages into one directory; with pytest-xdist the controller
creates it and hands it to the workers. At the end of the session the controller (or the only
process) runs vnu once over all of them (one JVM). Any error fails the session (exit status
1), and so do the two warnings the issue counted with them: a <section> or <article> without a
heading (use a <div>, or give it one). Other warnings (Django admin's own tables) are counted in
the summary only. The problems are reported per message with the page's URL, line and extract
in the terminal summary and in artifacts/e2e/html-validation.txt; the failing pages are copied
to artifacts/e2e/html/.

The jar comes from $VNU_JAR (scripts/test.sh sets it from scripts/ensure_vnu.sh) or else
.tools/vnu when present; with neither, nothing is collected (a local run of a subset).
"""

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIHandler

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JAR = ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "artifacts" / "e2e"
REPORT = ARTIFACTS / "html-validation.txt"
FAILING_PAGES = ARTIFACTS / "html"
INDEX = "index-{worker}.jsonl"

pages_dir_key = pytest.StashKey[Path]()
outcome_key = pytest.StashKey["Outcome"]()

# Warnings that fail like errors (the issue counted them with the errors).
FAILING_WARNINGS = ("Section lacks heading.", "Article lacks heading.")
# "Bad value “2026-…” for attribute …": one message however many values.
BAD_VALUE = re.compile(r"Bad value “[^”]*”")

# The csrfmiddlewaretoken / X-CSRFToken differs on every page: ignored when deduplicating.
CSRF = re.compile(rb"""(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]*""")


def vnu_jar() -> Path | None:
    configured = os.environ.get("VNU_JAR")
    if configured:
        return Path(configured)
    return DEFAULT_JAR if DEFAULT_JAR.exists() else None


class PageStore:
    """The HTML documents one pytest process saw, as files in `directory`."""

    def __init__(self, directory: Path, worker: str):
        self.directory = directory
        self.worker = worker
        self.seen: set[str] = set()
        self.count = 0
        self.lock = threading.Lock()  # the live server answers in several threads

    def add(self, url: str, body: bytes) -> None:
        digest = hashlib.sha256(CSRF.sub(rb"\1", body)).hexdigest()
        with self.lock:
            if digest in self.seen:
                return
            self.seen.add(digest)
            self.count += 1
            name = f"{self.worker}-{self.count:04d}.html"
            (self.directory / name).write_bytes(body)
            with (self.directory / INDEX.format(worker=self.worker)).open("a") as index:
                index.write(json.dumps({"file": name, "url": url}) + "\n")

    def keep(self, request, response) -> None:
        """Keep `response` if it is an HTML document a browser asked for."""
        if request.headers.get("Sec-Fetch-Dest") not in ("document", "iframe"):
            return  # htmx (fetch), a stylesheet, an image; or not a browser
        if response.streaming or 300 <= response.status_code < 400:
            return  # a file (PDF letter, download); a redirect has no page
        if not response.get("Content-Type", "").startswith("text/html"):
            return
        body = response.content
        if response.get("Content-Encoding") == "gzip":  # the public regulation pages
            body = gzip.decompress(body)
        self.add(request.build_absolute_uri(), body)


_store: PageStore | None = None
_get_response = BaseHandler.get_response


def get_response_kept(handler, request):
    """WSGIHandler.get_response while pages are kept: Django's, then the page is kept."""
    response = _get_response(handler, request)
    if _store is not None:
        _store.keep(request, response)
    return response


@dataclass
class Outcome:
    pages: int
    urls: int
    errors: list[dict]
    other_warnings: Counter = field(default_factory=Counter)  # message → how often
    problem: str | None = None  # vnu could not run

    def failed(self) -> bool:
        return bool(self.errors) or self.problem is not None

    def lines(self) -> list[str]:
        if self.problem:
            return [f"HTML validation could not run: {self.problem}"]
        lines = [
            f"vnu checked {self.pages} HTML documents ({self.urls} distinct URLs): "
            f"{len(self.errors)} errors; other warnings (not failing): "
            f"{self.other_warnings.total()}"
        ]
        for message, count in self.other_warnings.most_common():
            lines.append(f"  (warning, {count}x) {message}")
        by_message: dict[str, list[dict]] = defaultdict(list)
        for error in self.errors:
            by_message[BAD_VALUE.sub("Bad value “…”", error["message"])].append(error)
        for message, errors in sorted(by_message.items(), key=lambda item: -len(item[1])):
            pages = len({error["file"] for error in errors})
            lines.append(f"- {message} ({len(errors)}x on {pages} pages)")
            for error in errors[:5]:
                extract = " ".join(error["extract"].split())[-120:]
                lines.append(f"    {error['page']} [{error['file']}:{error['line']}]: {extract}")
            if len(errors) > 5:
                lines.append(f"    … and {len(errors) - 5} more")
        return lines


def read_index(directory: Path) -> dict[str, str]:
    """File name → the URL the browser loaded it from."""
    urls = {}
    for index in sorted(directory.glob(INDEX.format(worker="*"))):
        for line in index.read_text().splitlines():
            entry = json.loads(line)
            urls[entry["file"]] = entry["url"]
    return urls


def fails(message: dict) -> bool:
    if message.get("type") in ("error", "non-document-error"):  # non-document: unreadable file
        return True
    return message.get("subType") == "warning" and message.get("message", "").startswith(
        FAILING_WARNINGS
    )


def errors_from(vnu_json: dict, urls: dict[str, str]) -> list[dict]:
    """vnu's messages that fail the session, each with the page's URL instead of the file's."""
    errors = []
    for message in vnu_json.get("messages", []):
        if not fails(message):
            continue
        file = message.get("url", "").rsplit("/", 1)[-1]
        errors.append(
            {
                "page": urls.get(file, file),
                "file": file,
                "line": message.get("lastLine"),
                "message": message.get("message", ""),
                "extract": message.get("extract", ""),
            }
        )
    return errors


def other_warnings(vnu_json: dict) -> Counter:
    return Counter(
        message.get("message", "")
        for message in vnu_json.get("messages", [])
        if message.get("subType") == "warning" and not fails(message)
    )


def validate(directory: Path, jar: Path) -> Outcome:
    """One vnu run over every page in `directory`."""
    urls = read_index(directory)
    outcome = Outcome(pages=len(urls), urls=len(set(urls.values())), errors=[])
    if not urls:
        return outcome
    java = shutil.which("java")
    if java is None or not jar.exists():
        outcome.problem = (
            f"{'java' if java is None else jar} is missing: run `bash scripts/ensure_vnu.sh`"
        )
        return outcome
    files = sorted(str(directory / name) for name in urls)
    result = subprocess.run(  # noqa: S603 - our own jar and temporary files
        [java, "-jar", str(jar), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        outcome.problem = f"vnu exited {result.returncode}: {result.stdout}{result.stderr}"[:2000]
        return outcome
    outcome.errors = errors_from(report, urls)
    outcome.other_warnings = other_warnings(report)
    return outcome


def keep_failing_pages(outcome: Outcome, directory: Path) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(outcome.lines()) + "\n")
    shutil.rmtree(FAILING_PAGES, ignore_errors=True)
    if outcome.errors:
        FAILING_PAGES.mkdir(parents=True)
        for file in {error["file"] for error in outcome.errors}:
            if (directory / file).exists():
                shutil.copy(directory / file, FAILING_PAGES / file)


def pytest_configure(config):
    global _store
    if vnu_jar() is None:
        return
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        directory = Path(tempfile.mkdtemp(prefix="vnu-pages-"))
        config.stash[pages_dir_key] = directory
        worker = "main"
    else:
        directory = Path(workerinput["vnu_pages_dir"])
        worker = workerinput["workerid"]
    _store = PageStore(directory, worker)
    WSGIHandler.get_response = get_response_kept


def pytest_unconfigure(config):
    global _store
    _store = None
    if "get_response" in WSGIHandler.__dict__:
        del WSGIHandler.get_response


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist: the workers write into the controller's directory."""
    if pages_dir_key in node.config.stash:
        node.workerinput["vnu_pages_dir"] = str(node.config.stash[pages_dir_key])


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput") or pages_dir_key not in config.stash:
        return  # a worker: the controller validates everything at once
    directory = config.stash[pages_dir_key]
    try:
        outcome = validate(directory, vnu_jar())
        if outcome.pages:
            config.stash[outcome_key] = outcome
            keep_failing_pages(outcome, directory)
            if outcome.failed() and session.exitstatus == pytest.ExitCode.OK:
                session.exitstatus = pytest.ExitCode.TESTS_FAILED
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, config):
    outcome = config.stash.get(outcome_key, None)
    if outcome is None:
        return
    terminalreporter.section("HTML validation (Nu Html Checker)", red=outcome.failed())
    for line in outcome.lines():
        terminalreporter.write_line(line)
    if outcome.failed():
        terminalreporter.write_line(
            f"The run fails on invalid HTML (the pages: {FAILING_PAGES.relative_to(ROOT)}/).",
            red=True,
            bold=True,
        )
