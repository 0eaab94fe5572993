"""The one-folder app: packaging/build.sh builds it with the spec, the frozen `briefing-app` exports
from another folder and opens its window, and the bundle stays under 250 MB. Also the desktop
files and icons the installers use."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from PIL import Image

from .pdf_reading import all_text

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "assets" / "icons"
APP_ID = "org.briefingbuilder.BriefingBuilder"
MAX_BUNDLE_BYTES = 250 * 1000 * 1000
EXE = "briefing-app.exe" if sys.platform == "win32" else "briefing-app"


def _clean_env(home: Path) -> dict[str, str]:
    """The user's environment, less anything that could point the frozen app at this clone or venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV_", "QT_", "XDG_"))}
    env.update(HOME=str(home), USERPROFILE=str(home), PATH=os.defpath if sys.platform != "win32"
               else os.environ.get("PATH", ""))
    return env


def _unavailable(reason: str) -> None:
    """Skip where PyInstaller cannot be had (a laptop offline); fail under CI, which must run these."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the packaging tests must run", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Build the bundle once for this module, into a temporary folder: the app and what the
    build said."""
    if not shutil.which("uv"):
        _unavailable("uv is not installed, so PyInstaller (group 'packaging') cannot be installed")
    probe = subprocess.run(["uv", "run", "--group", "packaging", "pyinstaller", "--version"],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
    if probe.returncode != 0:
        lines = probe.stderr.strip().splitlines() or ["no output"]
        reason = next((line for line in lines if "error" in line.lower()), lines[0])
        _unavailable(f"PyInstaller cannot be installed here (no network?): {reason.strip()}")
    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    build = subprocess.run(["bash", str(PACKAGING / "build.sh"), "--dist", str(out / "dist"),
                            "--work", str(out / "build")],
                           cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert build.returncode == 0, f"build failed:\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}"
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    app = out / "dist" / "briefing-builder"
    assert (app / EXE).is_file(), build.stdout
    return app, build


@pytest.fixture(scope="module")
def bundle(built) -> Path:
    return built[0]


@pytest.mark.slow
def test_a_build_that_ships_the_development_root_says_so(built):
    """The repository's root can sign nothing, so a release built with it could never update
    its library: the build warns, naming the file to replace."""
    said = built[1].stderr
    assert "ships the development library root (assets/library-root.json)" in said
    assert "cannot install any library update" in said


def _bundle_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


@pytest.mark.slow
def test_bundle_is_at_most_250_mb(bundle):
    size = _bundle_bytes(bundle)
    print(f"bundle size: {size / 1e6:.0f} MB")
    assert size <= MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.0f} MB"


@pytest.mark.slow
def test_bundle_holds_the_data_at_its_top_level(bundle):
    (internal,) = {p.parent.parent for p in bundle.rglob("talking_points/topics.toml")}
    assert (internal / "assets" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "assets" / "styles.toml").is_file()
    assert (internal / "assets" / "icons" / "briefing-builder.svg").is_file()
    if (ROOT / "docs" / "user-guide.md").is_file():
        assert (internal / "docs" / "user-guide.md").is_file()


@pytest.mark.slow
def test_bundle_leaves_out_unused_qt(bundle):
    names = {p.name for p in bundle.rglob("*")}
    unused = re.compile(r"Qt6?(Qml|Quick|3D|Multimedia|WebEngine|OpenGL|Sql|Designer|Test|Charts)"
                        r"|QtNetwork\.|libqgtk3|libqeglfs|qtquick|qml_")
    assert not sorted(n for n in names if unused.search(n))
    for needed in ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtSvg"):
        assert [n for n in names if n.startswith(needed + ".")], f"{needed} is missing"
    if sys.platform.startswith("linux"):
        assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqsvg.so"} <= names


@pytest.mark.slow
def test_frozen_app_exports_from_another_folder(bundle, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _clean_env(tmp_path)
    version = subprocess.run([str(bundle / EXE), "--version"], cwd=elsewhere, env=env,
                             capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("briefing-app "), version.stderr
    check = subprocess.run([str(bundle / EXE), "library", "check"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    export = subprocess.run([str(bundle / EXE), "export", "--country", "JP", "-o", "out.pdf"],
                            cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert export.returncode == 0, export.stderr
    assert "Traceback" not in export.stderr
    pdf = elsewhere / "out.pdf"
    assert pdf.is_file()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Talking points" in all_text(pdf)
    word = subprocess.run([str(bundle / EXE), "export", "--country", "JP", "-o", "out.docx"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert word.returncode == 0, word.stderr  # python-docx's template travels in the bundle
    assert "Talking points" in [p.text for p in docx.Document(str(elsewhere / "out.docx")).paragraphs]


@pytest.mark.slow
def test_frozen_app_signs_and_installs_a_library_update(bundle, tmp_path):
    """TUF and the cryptography it signs and checks with travel in the bundle."""
    env = _clean_env(tmp_path)

    def run(*args: str) -> str:
        done = subprocess.run([str(bundle / EXE), "library", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        return done.stdout

    run("keys", "new", "keys", "--publisher", "Bundle HQ")
    run("publish", str(ROOT / "talking_points"), "--keys", "keys", "--to", "stick")
    assert "Installed library update 1 from Bundle HQ" in run("install", "stick", "--trust", "keys/root.json")
    assert "update 1: from Bundle HQ" in run("status")


@pytest.mark.slow
def test_frozen_app_with_no_arguments_opens_the_window(bundle, tmp_path):
    """Qt loads from the bundle (platform plugin, QtPdf), the library and panels load after the
    frame (the autosave session starts only then), and the window stays up until closed."""
    env = _clean_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    process = subprocess.Popen([str(bundle / EXE)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)
        alive = process.poll() is None
        sessions = list(tmp_path.rglob("session-*.json"))
    finally:
        process.terminate()
        try:
            _out, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            _out, err = process.communicate()
    assert alive, f"the frozen app exited with {process.returncode}:\n{err[-3000:]}"
    assert sessions, f"the window never finished loading:\n{err[-3000:]}"
    assert "Traceback" not in err and "could not load the Qt platform plugin" not in err, err


# --- the files installers use (fast) ---------------------------------------------------------

def test_icon_sizes_are_made_from_the_svg():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    check = subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), "--check"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
    with Image.open(ICONS / "briefing-builder.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "briefing-builder.icns") as icns:
        assert icns.size == (1024, 1024)


def test_desktop_entry_opens_brief_files():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "briefing-app" and "%f" in desktop["Exec"]
    assert desktop["Icon"] == APP_ID
    assert "application/x-briefing-brief" in desktop["MimeType"].split(";")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
                       check=True)


def test_mime_type_and_appstream_metadata_agree():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / "linux" / "briefing-builder-mime.xml").getroot()
    (mime_type,) = mime.findall("m:mime-type", ns)
    assert mime_type.get("type") == "application/x-briefing-brief"
    assert [g.get("pattern") for g in mime_type.findall("m:glob", ns)] == ["*.brief"]
    info = ET.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert info.findtext("id") == APP_ID
    assert info.findtext("launchable") == f"{APP_ID}.desktop"
    assert info.findtext("provides/mediatype") == "application/x-briefing-brief"
    spec = (PACKAGING / "briefing-builder.spec").read_text(encoding="utf-8")
    assert "CFBundleDocumentTypes" in spec and '"brief"' in spec
