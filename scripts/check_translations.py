"""Fail when the Dutch translation is incomplete.

1. `makemessages` is run on the current code (the committed file is restored
   afterwards): a msgid that the code uses but the file lacks is reported.
2. msgfmt --statistics: no untranslated or fuzzy messages.
"""

import subprocess  # only our manage.py and msgfmt, fixed arguments  # nosec B404
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def msgids(text: str) -> set[str]:
    ids = set()
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        collected, inside = [], False
        for line in lines:
            if line.startswith("msgid "):
                inside = True
                collected.append(line[6:].strip('"'))
            elif inside and line.startswith('"'):
                collected.append(line.strip('"'))
            elif inside:
                break
        if collected and "".join(collected):
            ids.add("".join(collected))
    return ids


def main() -> int:
    failures = 0
    for po in sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po")):
        committed = po.read_text()
        language = po.parent.parent.name
        try:
            subprocess.run(  # noqa: S603 - fixed arguments  # nosec B603
                [sys.executable, "manage.py", "makemessages", "-l", language, "-v0"],
                cwd=ROOT,
                check=True,
            )
            missing = msgids(po.read_text()) - msgids(committed)
        finally:
            po.write_text(committed)
        if missing:
            failures += 1
            print(f"{po.relative_to(ROOT)}: {len(missing)} message(s) not in the file:")
            for text in sorted(missing)[:20]:
                print(f"  {text!r}")
            print("  run `manage.py makemessages -l nl` and translate them.")
        result = subprocess.run(  # noqa: S603 - fixed arguments  # nosec B603 B607
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
