"""scripts/audit_dependencies.py: a found vulnerability fails, an unreachable service is said."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit_dependencies.py"
spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

UNREACHABLE = "Dependency not found on PyPI and could not be audited: django (5.2.19)"


def test_a_known_vulnerability_fails_the_build():
    code, lines = audit.verdict(
        [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.1"]}],
            },
            {"name": "segno", "version": "1.6.6", "vulns": []},
        ]
    )
    assert code == 1
    assert lines[0] == "VULNERABLE django 5.2.0: PYSEC-1 (fixed in 5.2.1)"


def test_an_unreachable_service_is_said_not_passed():
    code, lines = audit.verdict([{"name": "django", "skip_reason": UNREACHABLE}] * 3)
    assert code == 0
    assert lines == [
        "pip-audit: NOT AUDITED — the vulnerability service could not be reached; "
        "none of the 3 locked packages could be checked."
    ]


def test_audited_packages_without_vulnerabilities_pass_and_skips_are_named():
    code, lines = audit.verdict(
        [
            {"name": "django", "version": "5.2.19", "vulns": []},
            {"name": "private-pkg", "skip_reason": "not on PyPI"},
        ]
    )
    assert code == 0
    assert lines == [
        "pip-audit: 1 packages audited, no known vulnerabilities; not audited: private-pkg."
    ]
