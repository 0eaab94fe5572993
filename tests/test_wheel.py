"""The built wheel carries the library, fonts and styles: installed alone, it exports from anywhere."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .pdf_reading import all_text

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    if not shutil.which("uv"):
        pytest.skip("uv is needed to build the wheel")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(["uv", "build", "--wheel", "--out-dir", str(out), str(ROOT)], check=True,
                   capture_output=True, text=True)
    (built,) = out.glob("*.whl")
    return built


def test_wheel_contains_the_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing_app/data/talking_points/topics.toml" in names
    assert any(n.startswith("briefing_app/data/talking_points/countries/") for n in names)
    assert "briefing_app/data/assets/fonts/DejaVuSans.ttf" in names
    assert "briefing_app/data/assets/fonts/LICENSE-DejaVu.txt" in names
    assert "briefing_app/data/assets/styles.toml" in names
    assert "briefing_app/data/docs/user-guide.md" in names


def test_installed_wheel_exports_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run(["uv", "pip", "install", "--quiet", "--python", str(python), str(wheel)],
                   check=True, capture_output=True, text=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = venv / ("Scripts/briefing-app.exe" if sys.platform == "win32" else "bin/briefing-app")
    for args in (["library", "check"], ["export", "--country", "JP", "-o", "jp.pdf"]):
        result = subprocess.run([str(script), *args], cwd=elsewhere, capture_output=True, text=True,
                                env={"PATH": str(script.parent), "HOME": str(tmp_path)})
        assert result.returncode == 0, result.stderr
    assert "Talking points" in all_text(elsewhere / "jp.pdf")
