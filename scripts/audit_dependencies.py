"""Audit the locked dependencies for known vulnerabilities (pip-audit), without faking a pass.

Exports uv.lock as requirements (every group), runs pip-audit on them (no resolving, no pip)
and reads its JSON report:
- a known vulnerability in any package → the list, exit 1;
- the vulnerability service answered for no package at all (no network, or the service
  unreachable) → one line saying so, exit 0: the scan did not run, the build goes on;
- otherwise → how many packages were audited, exit 0.

Usage: python scripts/audit_dependencies.py [path/to/uv]
"""

import json
import shutil
import subprocess  # only uv and pip-audit, fixed arguments  # nosec B404
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def main() -> int:
    uv = sys.argv[1] if len(sys.argv) > 1 else shutil.which("uv") or "uv"
    with tempfile.TemporaryDirectory() as tmp:
        requirements, report = Path(tmp) / "requirements.txt", Path(tmp) / "audit.json"
        exported = subprocess.run(  # noqa: S603  # nosec B603
            [uv, "export", "--frozen", "--no-hashes", "--all-groups", "--no-emit-project"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        requirements.write_text(exported.stdout)
        result = subprocess.run(  # noqa: S603  # nosec B603
            [
                str(PIP_AUDIT),
                "--requirement",
                str(requirements),
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if not report.exists() or not report.read_text().strip():
            print(f"pip-audit: NOT AUDITED — it could not run: {result.stderr.strip()[-300:]}")
            return 0
        dependencies = json.loads(report.read_text())["dependencies"]
    code, lines = verdict(dependencies)
    print("\n".join(lines))
    return code


def verdict(dependencies: list[dict]) -> tuple[int, list[str]]:
    """Exit code and report lines for pip-audit's JSON `dependencies`."""
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    if vulnerable:
        lines = [
            f"VULNERABLE {d['name']} {d['version']}: {v['id']} "
            f"(fixed in {', '.join(v.get('fix_versions') or []) or 'no release yet'})"
            for d in vulnerable
            for v in d["vulns"]
        ]
        return 1, [*lines, f"pip-audit: {len(vulnerable)} vulnerable packages; update uv.lock."]
    if dependencies and len(skipped) == len(dependencies):
        return 0, [
            "pip-audit: NOT AUDITED — the vulnerability service could not be reached; "
            f"none of the {len(dependencies)} locked packages could be checked."
        ]
    audited = len(dependencies) - len(skipped)
    line = f"pip-audit: {audited} packages audited, no known vulnerabilities"
    if skipped:
        line += "; not audited: " + ", ".join(d["name"] for d in skipped)
    return 0, [line + "."]


if __name__ == "__main__":
    sys.exit(main())
