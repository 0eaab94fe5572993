"""Make the app icon's PNG sizes, .ico and .icns from assets/icons/briefing-builder.svg.

    uv run python packaging/make_icons.py           # write them
    uv run python packaging/make_icons.py --check   # are the committed PNGs made from the SVG?

Uses only what the app already depends on: Qt's SVG renderer (PySide6) and Pillow (ReportLab
needs it). The outputs are committed, so building the bundle needs neither this script nor any
image tool.

    assets/icons/hicolor/<N>x<N>/apps/<APP_ID>.png   N = 16 ... 512 (freedesktop layout, named
    assets/icons/hicolor/scalable/apps/<APP_ID>.svg  by the desktop file's id, as Linux looks them up)
    assets/icons/briefing-builder.ico                        Windows: 16 ... 256
    assets/icons/briefing-builder.icns                       macOS: 16 ... 1024
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
SOURCE = ICONS / "briefing-builder.svg"
NAME = "briefing-builder"
APP_ID = "org.briefingbuilder.BriefingBuilder"  # packaging/linux/<APP_ID>.desktop
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def differences(images: dict[int, Image.Image]) -> list[str]:
    """Committed PNGs that are missing or no longer match the SVG (allowing for anti-aliasing)."""
    faults = []
    for size in PNG_SIZES:
        if not png_path(size).is_file():
            faults.append(f"{png_path(size)} is missing")
            continue
        with Image.open(png_path(size)) as committed:
            old, new = committed.convert("RGBA").tobytes(), images[size].tobytes()
            mean = sum(abs(a - b) for a, b in zip(old, new, strict=True)) / len(new)
        if mean > 2:
            faults.append(f"{png_path(size)} differs from the SVG (mean difference {mean:.1f}/255)")
    if (ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() != SOURCE.read_bytes():
        faults.append("hicolor/scalable copy differs from the SVG")
    return faults


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt wants one)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in (*PNG_SIZES, 1024)}
    if "--check" in sys.argv[1:]:
        faults = differences(images)
        for fault in faults:
            print(f"make_icons: {fault}; run packaging/make_icons.py", file=sys.stderr)
        return 1 if faults else 0

    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(target, optimize=True)
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)

    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    images[1024].save(ICONS / f"{NAME}.icns",
                      append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    for path in sorted(ICONS.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
