"""Issue 17, item 11: `make run` says what it is doing, step by step — installing (with the
package installer's own progress), preparing the database, loading the demo, starting the
worker and the server — and ends with the address and the log-ins. The log-ins themselves:
klachtenregeling/demo/tests/test_demo_seed.py (--logins-only)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = (ROOT / "scripts/run.sh").read_text()
BOOTSTRAP = (ROOT / "scripts/bootstrap.sh").read_text()


def _steps() -> list[tuple[int, str]]:
    return [(int(n), text) for n, text in re.findall(r'^step (\d) "([^"]+)"', RUN, re.M)]


def test_make_run_runs_the_script():
    assert re.search(r"^run:.*\n\t@?\./scripts/run\.sh$", (ROOT / "Makefile").read_text(), re.M)


def test_make_run_announces_each_step_in_order():
    steps = _steps()
    assert [n for n, _ in steps] == [1, 2, 3, 4, 5]
    words = ["Installing", "database", "demo", "worker", "web server"]
    for (_n, text), word in zip(steps, words, strict=True):
        assert word in text, text
    # Each step is announced before what it does: the installation before bootstrap.sh,
    # the migrations before migrate, the demo before demo_seed, the server before gunicorn.
    order = [
        RUN.index('step 1 "'),
        RUN.index("bootstrap.sh"),
        RUN.index('step 2 "'),
        RUN.index("manage.py migrate"),
        RUN.index('step 3 "'),
        RUN.index("manage.py demo_seed --quiet"),
        RUN.index('step 4 "'),
        RUN.index("manage.py db_worker"),
        RUN.index('step 5 "'),
        RUN.index("gunicorn"),
    ]
    assert order == sorted(order)


def test_make_run_lets_the_installer_show_its_own_progress():
    """run.sh asks bootstrap.sh to be verbose; then `uv sync` runs without --quiet."""
    assert RUN.index("export BOOTSTRAP_VERBOSE=1") < RUN.index("bootstrap.sh")
    verbose = BOOTSTRAP.split('if [ "${BOOTSTRAP_VERBOSE:-}" = 1 ]; then', 1)[1].split("else")[0]
    assert "sync" in verbose and "--quiet" not in verbose and "echo" in verbose


def test_make_run_ends_with_the_address_and_the_log_ins():
    tail = RUN[RUN.index('step 5 "') :]
    assert "demo_seed --logins-only" in tail
    assert re.search(r'echo "==> Serving on \$SITE_URL', tail)
