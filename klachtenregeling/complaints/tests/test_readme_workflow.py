from pathlib import Path

from django.conf import settings

from klachtenregeling.complaints.workflow import mermaid


def test_r7_4_readme_workflow_diagram_is_the_table():
    """The README's diagram is generated from workflow.TRANSITIONS, never drawn by hand."""
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert f"```mermaid\n{mermaid()}\n```" in readme
