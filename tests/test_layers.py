"""The layers point one way: the command line, core and render never load Qt; core never loads
ReportLab; and the window's first frame loads none of the model layer, so it shows quickly."""

import os
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
                                            "compose_handout", "produce", "leakcheck", "outputs",
                                            "library_config", "update_store", "update_client",
                                            "update_keys", "update_publisher", "library_diff",
                                            "library_changes", "template_budget",
                                            "template_context", "cui_designation",
                                            "compose_snapshot", "citations", "point_choices")]


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


FIRST_FRAME = """
import os, sys
import briefing_app.app as app
from PySide6.QtCore import QEvent, QObject

class FirstFrame(QObject):  # watches the window the real entry point builds
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})), flush=True)
            os._exit(0)
        return False

def start(*args, **kwargs):
    window = real_start(*args, **kwargs)
    window.installEventFilter(FirstFrame(window))
    return window

real_start, app.start = app.start, start
from briefing_app.__main__ import main
main([])
"""


def test_the_console_script_paints_its_first_frame_before_loading_the_model_layer(tmp_path):
    """`briefing-app` with no arguments (the console script's `main`, through the command line
    parser) paints the window before pydantic, Jinja, ReportLab or pypdf are loaded."""
    heavy = ("pydantic", "pydantic_core", "jinja2", "reportlab", "pypdf")
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME.format(heavy=heavy)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == ""


def test_modules_loaded_after_qt_are_not_read_for_pyside_features():
    """PySide6 hooks `import` to read every later module's source for its `__feature__` syntax;
    the window takes the hook out, so pydantic and the panels load without that reading."""
    code = ("import sys, briefing_app.app, pydantic; "
            "print('pydantic' in sys.modules['PySide6.support.feature'].pyside_feature_dict)")
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_building_and_validating_models_skips_the_package_metadata_scan():
    """Pydantic plugins are off, so nothing reads package metadata: importing
    `importlib.metadata` alone costs a start or an export 25-30 ms."""
    code = ("import sys; from briefing_app.core.brief import Brief; "
            "from briefing_app.core.library import load_library; from briefing_app.core.paths import builtin_library; "
            "Brief.model_validate({'country': 'IT'}); assert load_library([builtin_library()]).points; "
            "print('importlib.metadata' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


READY = """
import sys
import briefing_app.app as app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def ready():  # the panels are filled and the brief is open
    print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})), flush=True)
    QTimer.singleShot(0, QApplication.instance().quit)

app._settle = ready
from briefing_app.__main__ import main
main([sys.argv[1]])
"""


def test_a_start_after_the_first_opens_the_brief_without_jinja(tmp_path, user_data):
    """What the library's templates say for the brief's country and carrier (recommendations,
    their reasons) is kept with the cached library, so the next start opens the brief without
    loading Jinja or ReportLab."""
    from briefing_app.core.brief import Brief
    from briefing_app.core.brief_file import save_brief

    brief = tmp_path / "it.brief"
    save_brief(Brief(country="IT", carrier="tim"), brief)
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
    probe = READY.format(heavy=("jinja2", "reportlab", "pypdf"))
    loaded = []
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", probe, str(brief)], env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        loaded.append(result.stdout.strip())
    assert "jinja2" in loaded[0]  # the first start works the recommendations out
    assert loaded[1] == ""
