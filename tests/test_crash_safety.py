"""A save killed at any moment leaves the old brief or the new one, never a broken file."""

import multiprocessing
import os
import random
import signal
import time

import pytest

from briefing_app.core.brief import Brief, Meeting
from briefing_app.core.brief_file import load_brief, save_brief
from briefing_app.core.faults import InputError

ROUNDS = 40
NEEDS_FORKSERVER = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                      reason="needs forkserver to kill a saving process cheaply")
PADDING = ("x" * 90_000,) * 4


def version(number: int) -> Brief:
    return Brief(country="IT", meeting=Meeting(title=f"version {number}", objectives=PADDING))


def keep_saving(path: str, ready) -> None:
    ready.set()
    for number in range(1, 10**9):
        save_brief(version(number), path)


def keep_writing_in_place(path: str, ready) -> None:
    """What a naive save does: truncate, then write. Here to show the test can fail."""
    from briefing_app.core.brief_file import brief_to_json

    ready.set()
    for number in range(1, 10**9):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(brief_to_json(version(number)))


def kill_repeatedly(target, path, rounds: int) -> list:
    """Start a saving process, kill it at a random moment, read what is left; many times."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    rng = random.Random(1234)
    outcomes = []
    for _ in range(rounds):
        ready = context.Event()
        writer = context.Process(target=target, args=(str(path), ready))
        writer.start()
        ready.wait(10)
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        if path.exists():
            try:
                outcomes.append(load_brief(path))
            except InputError as err:
                outcomes.append(err)
    return outcomes


@NEEDS_FORKSERVER
def test_killing_a_save_many_times_never_breaks_the_brief(tmp_path):
    outcomes = kill_repeatedly(keep_saving, tmp_path / "meeting.brief", ROUNDS)
    assert all(isinstance(o, Brief) for o in outcomes), [str(o) for o in outcomes if not isinstance(o, Brief)]
    assert all(tuple(x.text for x in o.meeting.objectives) == PADDING for o in outcomes)
    assert len({o.meeting.title for o in outcomes}) > 4, "the kills should land at different moments"


@NEEDS_FORKSERVER
def test_a_naive_save_would_be_caught(tmp_path):
    outcomes = kill_repeatedly(keep_writing_in_place, tmp_path / "naive.brief", 15)
    assert any(isinstance(o, InputError) for o in outcomes)
