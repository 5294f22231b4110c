"""Fail when a translation file has untranslated or fuzzy messages (msgfmt --statistics)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    failures = 0
    for po in sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po")):
        result = subprocess.run(  # noqa: S603 - fixed arguments
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        stats = result.stderr.strip()
        print(f"{po.relative_to(ROOT)}: {stats}")
        if result.returncode or "untranslated" in stats or "fuzzy" in stats:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
