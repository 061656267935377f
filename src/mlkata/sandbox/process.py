"""Start, talk to and kill the sandbox child (the parent's side of :mod:`.child`).

A :class:`Sandbox` holds one child for one learner file. Requests go out and replies come
back as :mod:`mlkata.wire` frames over two private pipes; the child's stdout and stderr go to
a file, so nothing the learner prints is ever parsed. A reply that does not come within the
time limit, a child that dies, or a reply that is not valid data costs that request only:
the child is killed with its whole process group (with bubblewrap, its whole PID namespace)
and the next request starts a fresh one.
"""

from __future__ import annotations

import functools
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import wire

BOOT_ALLOWANCE_S = 20.0  # starting Python and importing numpy, on a loaded machine
OUTPUT_LIMIT = 4000  # characters of the learner's printed output kept per request


@functools.cache
def _bubblewrap_probe() -> bool:
    if not shutil.which("bwrap"):
        return False
    probe = subprocess.run(
        ["bwrap", "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
        capture_output=True, timeout=30,
    )
    return probe.returncode == 0


def bubblewrap_works() -> bool:
    """Whether ``bwrap`` is installed and may create namespaces here.

    ``MLKATA_SANDBOX=rlimits`` turns it off, to run (and test) the fallback.
    """
    return os.environ.get("MLKATA_SANDBOX") != "rlimits" and _bubblewrap_probe()


def isolation() -> str:
    """``"bubblewrap"`` or ``"rlimits"``: how the next child will be confined."""
    return "bubblewrap" if bubblewrap_works() else "rlimits"


def _child_env(workdir: str) -> dict:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        # One thread each: results and line counts do not depend on the machine's load.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):  # some CPUs need these (see DESIGN.md)
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def _describe_exit(code: int | None, wrapped: bool) -> str:
    if wrapped and code is not None and code > 128:
        code = 128 - code  # bwrap reports a child killed by signal N as exit status 128 + N
    if code is None:
        return "the code's process stopped answering"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        detail = " (a segmentation fault)" if -code == signal.SIGSEGV else ""
        return f"the code's process was killed by {name}{detail}"
    return f"the code ended the process with exit status {code} (os._exit or a crash)"


class Sandbox:
    """One sandboxed child serving probes on one learner file.

    Parameters
    ----------
    setup : dict
        The first message: ``module_name``, ``filename``, ``source``, ``tests_filename``,
        ``tests_source``, ``allowed`` (import policy) and ``protected`` (paths never readable).
    memory_mb : int
        Address-space limit of the child.
    load_timeout : float
        Time allowed for the learner's module-level code.
    """

    def __init__(self, setup: dict, memory_mb: int = 2048, load_timeout: float = 10.0):
        self.setup = setup
        self.memory_mb = memory_mb
        self.load_timeout = load_timeout
        self.tmp = Path(tempfile.mkdtemp(prefix="mlkata-"))
        self.workdir = self.tmp / "work"
        self.workdir.mkdir()
        self.output_path = self.tmp / "output.txt"
        self.process = None
        self.load_failure = None
        self._pending_setup = False
        self.starts = 0

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        """Spawn the child and send it the setup; the reply is read by the first request."""
        if self.process is not None or self.load_failure is not None:
            return
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        command = [sys.executable, "-I", "-B", "-m", "mlkata.sandbox.child", str(request_r), str(reply_w), str(self.memory_mb)]
        self.wrapped = bubblewrap_works()
        if self.wrapped:
            command = self._bubblewrap() + command
        self._output = open(self.output_path, "ab")
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=self._output, stderr=self._output,
                pass_fds=(request_r, reply_w), cwd=self.workdir, env=_child_env(str(self.workdir)),
                start_new_session=True,
            )
        finally:
            os.close(request_r)
            os.close(reply_w)
        self.starts += 1
        self._request_fd, self._reply_fd = request_w, reply_r
        os.set_blocking(reply_r, False)
        self._send(self.setup)
        self._pending_setup = True

    def _bubblewrap(self) -> list[str]:
        hidden = []
        for path in self.setup["protected"]:
            if Path(path).is_dir():
                hidden += ["--tmpfs", str(path)]
        return [
            "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", *hidden,
            "--bind", str(self.workdir), str(self.workdir), "--chdir", str(self.workdir),
            "--unshare-all", "--die-with-parent", "--new-session", "--",
        ]

    def kill(self) -> None:
        """Kill the child and everything it started; the next request starts a new one."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        for fd in (self._request_fd, self._reply_fd):
            os.close(fd)
        self._output.close()
        self.process = None
        self._pending_setup = False

    def close(self) -> None:
        """Kill the child and remove its files."""
        self.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    # -- requests ---------------------------------------------------------------------

    def request(self, message: dict, timeout: float) -> dict:
        """Send ``message`` and return the child's reply, or a synthetic failure reply.

        The reply's ``status`` is one of ``ok``, ``failed``, ``error``, ``not attempted``
        or ``timeout``; ``output`` holds what the learner's code printed meanwhile.
        """
        if self.load_failure is not None:
            return dict(self.load_failure)
        self.start()
        if self._pending_setup:
            self._pending_setup = False
            reply = self._receive(self.load_timeout + BOOT_ALLOWANCE_S, "loading the file")
            if reply["status"] != "ok":
                self.load_failure = reply
                self.kill()
                return dict(reply)
        offset = self.output_path.stat().st_size
        started = time.monotonic()
        try:
            self._send(message)
        except OSError:
            pass  # the child died; _receive reports how
        reply = self._receive(timeout, "this check")
        reply["duration_s"] = time.monotonic() - started
        reply["output"] = self._printed_since(offset)
        return reply

    def _send(self, message) -> None:
        data = wire.frame(wire.dumps(message))
        while data:
            data = data[os.write(self._request_fd, data):]

    def _receive(self, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        try:
            header = self._read_exact(wire.HEADER_SIZE, deadline)
            reply = wire.loads(self._read_exact(wire.frame_length(header), deadline))
        except TimeoutError:
            self.kill()
            return {"status": "timeout", "message": f"{what} took longer than the {timeout:g} s limit (an endless loop, or far too slow)"}
        except EOFError:
            code = self.process.wait(timeout=5) if self.process else None
            self.kill()
            return {"status": "error", "message": _describe_exit(code, self.wrapped)}
        except wire.WireError as error:
            self.kill()
            return {"status": "error", "message": f"the sandbox's reply was not valid data ({error}); did the code write to file descriptors it does not own?"}
        if not isinstance(reply, dict) or reply.get("status") not in ("ok", "failed", "error", "not attempted"):
            self.kill()
            return {"status": "error", "message": "the sandbox's reply had an unexpected shape"}
        return reply

    def _read_exact(self, n: int, deadline: float) -> bytes:
        chunks = []
        while n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self._reply_fd], [], [], remaining)
            if not ready:
                raise TimeoutError
            try:
                chunk = os.read(self._reply_fd, min(n, 1 << 20))
            except BlockingIOError:
                continue
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def _printed_since(self, offset: int) -> str:
        with open(self.output_path, "rb") as output:
            output.seek(offset)
            text = output.read(OUTPUT_LIMIT + 1).decode("utf-8", "replace")
        return text if len(text) <= OUTPUT_LIMIT else text[:OUTPUT_LIMIT] + "\n[... more output cut]"
