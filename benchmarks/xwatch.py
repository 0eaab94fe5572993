"""Watches an X server from outside the app: when a top-level window is mapped, when the screen
is first drawn on after that, and when a window's title changes.

It speaks Xlib through ctypes (libX11 and libXdamage, which Xvfb's clients have anyway), so the
benchmark needs nothing in the app itself. Damage on the root window reports drawing in every
window on it, so "the first damage after the map" is the first frame the officer sees.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time
from dataclasses import dataclass

MAP_NOTIFY, PROPERTY_NOTIFY = 19, 28
SUBSTRUCTURE_NOTIFY_MASK, PROPERTY_CHANGE_MASK = 1 << 19, 1 << 22
DAMAGE_REPORT_RAW_RECTANGLES = 0


def _lib(name: str) -> ctypes.CDLL:
    path = ctypes.util.find_library(name)
    if path is None:
        raise OSError(f"lib{name} is not installed")
    return ctypes.CDLL(path)


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


class _Any(ctypes.Structure):  # the fields every event starts with, then the event's own
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("first", ctypes.c_ulong), ("second", ctypes.c_ulong),
                ("third", ctypes.c_ulong)]


@dataclass
class Moment:
    what: str  # "map", "damage" or "title"
    at: float  # time.monotonic() when the event was read
    window: int = 0
    title: str = ""


class Watcher:
    """One connection to `display`, reporting each map, damage and title change in order."""

    def __init__(self, display: str):
        self.x11, damage = _lib("X11"), _lib("Xdamage")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x11.XPending.argtypes = [ctypes.c_void_p]
        self.x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
        self.x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
        self.x11.XFree.argtypes = [ctypes.c_void_p]
        self.x11.XInternAtom.restype = ctypes.c_ulong
        self.x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self.x11.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p)]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        damage.XDamageQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                 ctypes.POINTER(ctypes.c_int)]
        damage.XDamageCreate.restype = ctypes.c_ulong
        damage.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
        self.dpy = self.x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot open X display {display}")
        root = self.x11.XDefaultRootWindow(self.dpy)
        base, error = ctypes.c_int(), ctypes.c_int()
        if not damage.XDamageQueryExtension(self.dpy, ctypes.byref(base), ctypes.byref(error)):
            raise OSError("the X server has no DAMAGE extension")
        self.damage_notify = base.value  # XDamageNotify is event 0 of the extension
        self.net_wm_name = self.x11.XInternAtom(self.dpy, b"_NET_WM_NAME", 0)
        self.utf8 = self.x11.XInternAtom(self.dpy, b"UTF8_STRING", 0)
        self.x11.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        damage.XDamageCreate(self.dpy, root, DAMAGE_REPORT_RAW_RECTANGLES)
        self.x11.XFlush(self.dpy)
        self.fd = self.x11.XConnectionNumber(self.dpy)

    def close(self) -> None:
        self.x11.XCloseDisplay(self.dpy)

    def title(self, window: int) -> str:
        kind, fmt, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        if self.x11.XGetWindowProperty(self.dpy, window, self.net_wm_name, 0, 1024, 0, self.utf8,
                                       ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count),
                                       ctypes.byref(after), ctypes.byref(data)) != 0 or not data.value:
            return ""
        text = ctypes.string_at(data.value, count.value).decode("utf-8", "replace")
        self.x11.XFree(data)
        return text

    def moments(self, deadline: float):
        """Yield each event as a `Moment` until `deadline` (time.monotonic())."""
        event = _Event()
        while time.monotonic() < deadline:
            if not self.x11.XPending(self.dpy):
                select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
                continue
            self.x11.XNextEvent(self.dpy, ctypes.byref(event))
            now = time.monotonic()
            head = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_Any)).contents
            if event.type == MAP_NOTIFY:  # on the root: first = root, second = the mapped window
                self.x11.XSelectInput(self.dpy, head.second, PROPERTY_CHANGE_MASK)
                self.x11.XFlush(self.dpy)
                yield Moment("map", now, head.second, self.title(head.second))
            elif event.type == self.damage_notify:
                yield Moment("damage", now)
            elif event.type == PROPERTY_NOTIFY and head.second == self.net_wm_name:
                yield Moment("title", now, head.first, self.title(head.first))
