"""One app process per user and profile; later launches hand their URL to it over a local socket.

Protocol (version 1): the client sends one line of JSON `{"v": 1, "url": "..."}\\n`; the primary
answers `ok\\n` (accepted) or `rejected\\n` and closes. Messages over 16 KiB are refused, and so
is every message of a process that runs as another user.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import socket as pysocket
import stat
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import filelock
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..atproto import Fields, ResponseFormatError, loads
from ..atproto.oauth import describe_redirect
from ..platform import private_dir

# Takes a redirect URL handed to the app; answers whether a sign-in was waiting for it.
Deliver = Callable[[str], bool]

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_MESSAGE = 16 * 1024
CONNECT_TIMEOUT_MS = 300
ACK_TIMEOUT_MS = 700
SOCKET_FILE = "primary.sock"
# A Unix socket address holds 104 bytes (macOS) or 108 (Linux), the final NUL included.
MAX_SOCKET_PATH = 100
UCRED = struct.Struct("iII")  # Linux's struct ucred: pid_t pid, uid_t uid, gid_t gid
# macOS's getsockopt(SOL_LOCAL, LOCAL_PEERCRED) gives a struct xucred, which starts with
# cr_version (XUCRED_VERSION, 0) and cr_uid; <sys/un.h> and <sys/ucred.h> fix these numbers.
SOL_LOCAL = 0
LOCAL_PEERCRED = 0x001
XUCRED_SIZE = 76
XUCRED_HEAD = struct.Struct("=II")


def server_name(data_dir: Path) -> str:
    """Where this profile's primary listens: per user and per profile, so isolated profiles
    (and test runs) never meet.

    On Unix a socket in a directory only this user can enter — the profile's private data
    directory, or when that path is too long for a socket address, the user's private runtime
    directory (`XDG_RUNTIME_DIR`), else a private directory of theirs in the temp directory —
    so no other local user can take the name first, or connect, and a primary killed before it
    could remove its socket leaves nothing in a shared place. On Windows a pipe name
    (`UserAccessOption` limits it to this user)."""
    profile = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    if os.name != "posix":
        user = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:8]
        return f"desktop-app-{user}-{profile}"
    socket_path = data_dir / SOCKET_FILE
    if len(os.fsencode(socket_path)) <= MAX_SOCKET_PATH:
        return str(socket_path)
    return str(_private_runtime_dir() / f"desktop-app-{profile}.sock")


def _private_runtime_dir() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _owned_and_private(Path(runtime)):
        return Path(runtime)
    # A name another user could have created first: used only if it is ours and private.
    fallback = Path(tempfile.gettempdir()) / f"desktop-app-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        fallback.mkdir(mode=0o700)
    if not _owned_and_private(fallback):
        raise OSError(f"{fallback} is not a private directory of this user")
    return fallback


def _owned_and_private(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & 0o077)


def peer_uid(descriptor: int) -> int | None:
    """The effective uid of the process at the other end of a connected Unix socket. None on
    systems where the app does not ask: there the socket's private place alone keeps other
    users out (and on Windows `UserAccessOption` limits the pipe to this user). OSError when
    the system should tell and does not."""
    if sys.platform not in ("linux", "darwin"):
        return None
    # A duplicate of the descriptor, so closing it leaves Qt's socket open.
    with pysocket.fromfd(descriptor, pysocket.AF_UNIX, pysocket.SOCK_STREAM) as dup:
        if sys.platform == "linux":
            creds = dup.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_PEERCRED, UCRED.size)
            return int(UCRED.unpack(creds)[1])
        xucred = dup.getsockopt(SOL_LOCAL, LOCAL_PEERCRED, XUCRED_SIZE)
    version, uid = XUCRED_HEAD.unpack_from(xucred)
    if version != 0:
        raise OSError(f"unknown xucred version {version}")
    return int(uid)


def peer_allowed(uid: int | None) -> bool:
    """Whether a process running as `uid` may hand this app a URL: only this user's may (None:
    a system where the app does not ask, see `peer_uid`)."""
    return uid is None or uid == os.getuid()


def send_to_primary(name: str, url: str) -> bool | None:
    """Hand `url` to a running primary. True: accepted; False: rejected; None: no primary."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    message = json.dumps({"v": PROTOCOL_VERSION, "url": url}).encode() + b"\n"
    if len(message) > MAX_MESSAGE:
        socket.abort()
        return False
    socket.write(message)
    socket.flush()
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(ACK_TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if b"\n" not in answer:
        return None
    return answer.strip() == b"ok"


class FileOpenFilter(QObject):
    """macOS hands scheme URLs to a running app as `QFileOpenEvent`s; they go through the same
    `deliver` check as hand-offs. Holds that callback."""

    def __init__(self, deliver: Deliver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url().toString()
            if url:
                self._deliver(url)
                return True
        return super().eventFilter(watched, event)


class SingleInstance(QObject):
    """The primary's listening side: holds the primary lock, the local server and the partial
    messages of connected launches. Each URL handed over goes to `deliver`; the launch is told
    `ok` when a sign-in was waiting for it, else `rejected`."""

    def __init__(
        self, data_dir: Path, deliver: Deliver, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        # Who is primary is decided by an OS file lock, released by the kernel even on kill -9;
        # the socket alone can't decide it (with UserAccessOption Qt binds the socket elsewhere
        # and renames it into place, silently replacing a live primary's socket).
        private_dir(data_dir)
        self._lock = filelock.FileLock(str(data_dir / "primary.lock"))
        self._deliver = deliver
        self._server = QLocalServer(self)
        # Only this user may connect: the socket file gets mode 0700-equivalent permissions.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Become the primary. False when another live process already is."""
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return False
        # We hold the lock, so any socket file left under this name is a crashed primary's.
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            self._lock.release()
            raise OSError(f"single-instance socket failed: {self._server.errorString()}")
        return True

    def close(self) -> None:
        self._server.close()
        if self._lock.is_locked:
            self._lock.release()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if not self._from_this_user(socket):
                socket.readyRead.connect(lambda s=socket: self._refuse(s))
                continue
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))

    def _from_this_user(self, socket: QLocalSocket) -> bool:
        # The socket's directory already keeps other users out; this holds even if it did not
        # (a permissive umask or ACL, or the directory replaced while we run).
        try:
            uid = peer_uid(int(socket.socketDescriptor()))
        except OSError as exc:
            log.warning("refused a hand-off: could not tell which user sent it (%s)", exc)
            return False
        if peer_allowed(uid):
            return True
        log.warning("refused a hand-off from a process of another user (uid %s)", uid)
        return False

    def _refuse(self, socket: QLocalSocket) -> None:
        socket.readAll()  # never read
        # Answered once it has written, as any refused launch is: answering first would race
        # its write against our close. Later data finds the socket closing: no second answer.
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._reply(socket, b"rejected\n")

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            self._reply(socket, b"rejected\n")
            return
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = Fields(loads(line, "hand-off"), "hand-off")
            url = message.get("url") if message.get("v") == PROTOCOL_VERSION else None
        except ResponseFormatError:
            url = None
        if not isinstance(url, str) or not self._deliver(url):
            log.warning("ignored a URL handed to this app: %s",
                        describe_redirect(url) if isinstance(url, str) else "<malformed>")
            self._reply(socket, b"rejected\n")
            return
        self._reply(socket, b"ok\n")

    def _reply(self, socket: QLocalSocket, answer: bytes) -> None:
        self._buffers.pop(socket, None)
        socket.write(answer)
        socket.flush()
        socket.disconnectFromServer()
