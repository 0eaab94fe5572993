"""The layers point one way: the command line, core and render never load Qt; core never loads
ReportLab; and the window's first frame loads none of the model layer, so it shows quickly."""

import subprocess
import sys

import pytest

PROBE = """
import sys, importlib
for name in {modules!r}:
    importlib.import_module(name)
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {watched!r})))
"""

CORE = ["briefing_app.core." + m for m in ("models", "brief", "library", "check", "recommend",
                                            "assemble", "brief_file", "templating", "paths",
                                            "document", "compose", "compose_officer",
                                            "compose_handout", "produce", "leakcheck", "outputs")]


def loaded_by(modules, watched=("PySide6", "shiboken6", "reportlab")):
    result = subprocess.run([sys.executable, "-c", PROBE.format(modules=modules, watched=watched)],
                            capture_output=True, text=True, check=True)
    return set(filter(None, result.stdout.strip().split(",")))


def test_core_loads_neither_qt_nor_reportlab():
    assert loaded_by(CORE) == set()


@pytest.mark.parametrize("modules", [["briefing_app.render.pdf"], ["briefing_app.cli", "briefing_app.__main__"]])
def test_render_and_cli_never_load_qt(modules):
    assert not {m for m in loaded_by(modules) if m.startswith(("PySide6", "shiboken6"))}


def test_an_export_run_never_loads_qt(tmp_path, mini_library):
    code = (
        "import sys; from briefing_app.__main__ import main; "
        f"rc = main(['export', '--library', {str(mini_library)!r}, '--country', 'IT', "
        f"'-o', {str(tmp_path / 'x.pdf')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_the_window_frame_loads_no_model_layer():
    """`run_app` shows the frame before a worker loads pydantic and Jinja (start-up budget)."""
    heavy = ("pydantic", "jinja2", "reportlab", "pypdf")
    assert loaded_by(["briefing_app.app", "briefing_app.gui.main_window"], heavy) == set()
