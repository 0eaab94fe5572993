"""The Python versions the project pins and declares keep out Python 3.11.

PySide6 6.12 drops a reference to None on every call of a Qt method that returns nothing. On
Python 3.11 None is an ordinary object, so an officer's session aborts after a few thousand
edits ("deallocating None"); from 3.12 None is immortal and the fault is harmless. (A test that
counts None's references cannot fail on 3.12, where the count never changes: so the versions
themselves are checked.)
"""

import sys
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent


def declared() -> SpecifierSet:
    return SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"])


def test_requires_python_keeps_out_3_11():
    assert "3.11.9" not in declared()
    assert "3.12.0" in declared()


def test_the_pinned_versions_are_ones_the_project_declares():
    pinned = [line.strip() for line in (ROOT / ".python-version").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert pinned, ".python-version names no version"
    assert [v for v in pinned if f"{v}.0" not in declared()] == []


def test_these_tests_run_on_a_declared_version():
    assert ".".join(map(str, sys.version_info[:3])) in declared()
