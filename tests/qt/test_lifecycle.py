"""The loop's life: task steps only inside the running loop, start-up inside it, every way to
quit through one request, shut-down finished before the loop closes.

These run the loop themselves (not on pytest-asyncio's loop), as `desktop-app` does.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app import TaskOwner
from desktop_app.qt import Lifecycle, new_event_loop


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


def test_a_step_scheduled_by_finished_work_waits_for_the_next_run() -> None:
    """The returning-user bug: work started by start-up ran its first step in qasync's extra
    event pass after the loop stopped, where `to_thread` has no running loop."""
    loop = new_event_loop()
    results: list[object] = []

    async def work() -> None:
        await asyncio.sleep(0)  # the next step is scheduled after the loop was told to stop
        try:
            results.append(await asyncio.to_thread(lambda: 42))
        except RuntimeError as exc:  # "no running event loop"
            results.append(exc)

    async def start() -> asyncio.Task[None]:
        return asyncio.ensure_future(work())

    try:
        task = loop.run_until_complete(start())
        # Whatever else pumps Qt events between two runs of the loop (a dialog, a test tool).
        for _ in range(3):
            QCoreApplication.processEvents()
        assert not task.done() and results == []
        loop.run_until_complete(task)
        assert results == [42]
    finally:
        loop.close()


def test_no_callback_runs_after_close() -> None:
    loop = new_event_loop()
    ran: list[str] = []

    async def start() -> None:
        await asyncio.sleep(0)

    loop.run_until_complete(start())
    loop.call_soon(ran.append, "between runs")
    QCoreApplication.processEvents()
    assert ran == []  # not while the loop is not running
    loop.close()
    QCoreApplication.processEvents()
    assert ran == []  # nor after it closed


def test_a_closed_task_owner_starts_nothing() -> None:
    loop = new_event_loop()
    owner = TaskOwner("test")
    started: list[str] = []

    async def job() -> None:
        started.append("job")
        await asyncio.sleep(60)

    async def scenario() -> None:
        assert owner.spawn(job()) is not None
        await asyncio.sleep(0)
        await owner.aclose()
        assert owner.spawn(job()) is None  # refused, and the coroutine closed (no warning)

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert started == ["job"] and len(owner) == 0


def test_closing_the_last_window_runs_the_whole_shut_down_inside_the_loop() -> None:
    loop = new_event_loop()
    life = Lifecycle(app(), loop)
    window = QWidget()
    seen: list[str] = []
    poll = QTimer()
    poll.setInterval(5)
    owner = TaskOwner("poll")

    async def tick() -> None:
        seen.append("tick")

    poll.timeout.connect(lambda: owner.spawn(tick()))

    async def start() -> None:
        await asyncio.to_thread(lambda: None)  # start-up may wait on a thread: the loop runs
        seen.append("started")
        poll.start()
        window.show()
        QTimer.singleShot(50, window.close)  # the person closes the window

    async def stop() -> None:
        seen.append("stopping")
        assert asyncio.get_running_loop() is loop
        await owner.aclose()
        poll.stop()
        await asyncio.to_thread(lambda: None)  # e.g. the keychain, one last time
        seen.append("stopped")

    code = life.run(start, stop)
    assert code == 0 and loop.is_closed()
    assert seen[0] == "started" and seen[-2:] == ["stopping", "stopped"]
    assert "tick" in seen
    QCoreApplication.processEvents()  # the poll timer is stopped: nothing fires into a closed loop
    assert seen[-1] == "stopped"


@pytest.mark.parametrize("how", ["quit", "sigterm"])
def test_quit_from_anywhere_and_sigterm_are_one_request(how: str) -> None:
    loop = new_event_loop()
    life = Lifecycle(app(), loop)
    stops: list[bool] = []

    async def start() -> None:
        if how == "quit":
            QTimer.singleShot(10, QCoreApplication.quit)  # a menu, the platform, Cmd+Q
        else:
            QTimer.singleShot(10, lambda: os.kill(os.getpid(), signal.SIGTERM))

    async def stop() -> None:
        await asyncio.sleep(0.05)  # shut-down takes a while; a second request changes nothing
        life.request_quit()
        QCoreApplication.sendEvent(app(), QEvent(QEvent.Type.Quit))
        stops.append(asyncio.get_running_loop() is loop)

    assert life.run(start, stop) == 0
    assert stops == [True]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_failed_start_still_stops_and_exits_non_zero() -> None:
    loop = new_event_loop()
    life = Lifecycle(app(), loop)
    stopped: list[bool] = []

    async def start() -> None:
        raise ValueError("broken")

    async def stop() -> None:
        stopped.append(True)

    assert life.run(start, stop) == 1
    assert stopped == [True]
