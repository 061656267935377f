"""The program inside the sandbox: loads the learner's file and answers probe requests.

Run as ``python -I -m mlkata.sandbox.child FD_IN FD_OUT MEMORY_MB``. It reads length-prefixed
:mod:`mlkata.wire` messages from FD_IN and answers each on FD_OUT. It never decides a score:
it returns what the learner's code produced (or how it failed) and the parent compares.

Before any learner code runs it limits its own memory, and installs an audit hook (which
cannot be removed) that refuses forbidden imports, reading the kit's solutions and graders,
writing outside its work directory, starting processes, signalling other processes and the
network. bubblewrap, where available, enforces the file and network parts a second time.
"""

from __future__ import annotations

import builtins
import collections
import os
import resource
import sys
import traceback
import types


def _limit_resources(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024 * 1024, 64 * 1024 * 1024))


class Channel:
    """Length-prefixed messages over two pipe file descriptors."""

    def __init__(self, fd_in: int, fd_out: int, wire):
        self.fd_in, self.fd_out, self.wire = fd_in, fd_out, wire

    def _read_exact(self, n: int) -> bytes:
        chunks = []
        while n:
            chunk = os.read(self.fd_in, min(n, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def receive(self):
        length = self.wire.frame_length(self._read_exact(self.wire.HEADER_SIZE))
        return self.wire.loads(self._read_exact(length))

    def send(self, message) -> None:
        self.send_payload(self.wire.dumps(message))

    def send_payload(self, payload: bytes) -> None:
        data = self.wire.frame(payload)
        while data:
            data = data[os.write(self.fd_out, data):]


class Guard:
    """The audit hook: what the learner's code may not do inside the sandbox."""

    PROCESS_EVENTS = {"os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "subprocess.Popen", "pty.spawn"}
    NETWORK_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
    WRITE_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.truncate", "os.chmod", "os.chown", "os.symlink", "os.link", "os.mkdir", "shutil.rmtree"}
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def __init__(self, learner_files, policy, always_denied, protected, workdir):
        self.learner_files = set(learner_files)
        self.permits = policy.permits  # the static rules' own test (mlkata.rules.ImportPolicy)
        self.always_denied = set(always_denied)
        self.protected = tuple(os.path.realpath(p) + os.sep for p in protected)
        self.workdir = os.path.realpath(workdir) + os.sep
        self.active = False

    def _learner_is_caller(self) -> bool:
        """Whether the nearest frame outside the import machinery is the learner's file."""
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_code.co_filename
            machinery = name == __file__ or name.startswith("<frozen importlib") or name.endswith(os.path.join("importlib", "__init__.py"))
            if not machinery:
                return name in self.learner_files
            frame = frame.f_back
        return False

    def __call__(self, event: str, args) -> None:
        if not self.active:
            return
        if event == "import":
            self._check_import(args[0])
        elif event == "open":
            self._check_open(args[0], args[1], args[2])
        elif event in self.PROCESS_EVENTS:
            raise PermissionError("starting processes is not allowed while grading")
        elif event in self.NETWORK_EVENTS:
            raise PermissionError("the network is not available while grading")
        elif event in ("os.kill", "os.killpg") and args[0] not in (0, os.getpid()):
            raise PermissionError("signalling other processes is not allowed while grading")
        elif event in self.WRITE_EVENTS and isinstance(args[0], (str, bytes, os.PathLike)):
            self._check_path(args[0], write=True)
        elif event in ("ctypes.dlopen", "ctypes.dlsym") and self._learner_is_caller():
            raise PermissionError("ctypes is not allowed while grading")

    def find_spec(self, fullname, path=None, target=None):
        """As the first finder on ``sys.meta_path``: the same rules for ``importlib.import_module``,
        whose top-level import raises no audit event."""
        if self.active:
            self._check_import(fullname)
        return None

    def _check_import(self, module: str) -> None:
        top = module.split(".")[0]
        if top in self.always_denied and not self.permits(module):
            # Whoever asks: the allowed parts (e.g. sklearn.tree) were imported before the
            # guard went up, so a new import here can only be a way around the rules (a
            # trampoline such as pkgutil.resolve_name, or sklearn's lazy __getattr__).
            raise ImportError(f"import of '{module}' is not allowed while grading")
        if not self.permits(module) and self._learner_is_caller():
            raise ImportError(f"import of '{module}' is not allowed in this exercise")

    def _check_open(self, path, mode, flags) -> None:
        if isinstance(path, int):
            return
        write = bool(mode and any(c in str(mode) for c in "wax+")) or bool((flags or 0) & self.WRITE_FLAGS)
        self._check_path(path, write)

    def _check_path(self, path, write: bool) -> None:
        real = os.path.realpath(os.fsdecode(path))
        if any((real + os.sep).startswith(p) for p in self.protected):
            raise PermissionError(f"{path} is not readable while grading")
        if write and not (real + os.sep).startswith(self.workdir):
            raise PermissionError(f"writing {path} is not allowed while grading (only the working directory)")


def _learner_traceback(error: BaseException, files) -> str:
    """The traceback restricted to the learner's (and visible tests') frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in files]
    lines = [f"  {os.path.basename(f.filename)}:{f.lineno} in {f.name}: {(f.line or '').strip()}" for f in frames[-6:]]
    return "\n".join(lines)


def _describe(error: BaseException, memory_mb: int) -> str:
    if isinstance(error, SystemExit):
        return f"the code called sys.exit({error.code!r})"
    if isinstance(error, KeyboardInterrupt):
        return "the code raised KeyboardInterrupt"
    if isinstance(error, MemoryError):
        return f"the code ran out of memory (the limit is {memory_mb} MB)"
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class Harness:
    """Answers the parent's requests about one learner module."""

    def __init__(self, setup: dict, memory_mb: int):
        import numpy

        self.np = numpy
        self.setup = setup
        self.memory_mb = memory_mb
        self.module_name = setup["module_name"]
        self.filename = setup["filename"]
        self.tests_filename = setup.get("tests_filename") or "<no visible tests>"
        self.files = {self.filename, self.tests_filename}
        self.probes = {}
        self.module = None
        self._integrity = self._snapshot()

    def _snapshot(self):
        """Identities of what the visible tests rely on, to notice the learner replacing them."""
        np = self.np
        names = ["assert_allclose", "assert_array_equal", "assert_equal", "assert_almost_equal", "assert_array_almost_equal", "assert_raises"]
        watched = {f"numpy.testing.{n}": getattr(np.testing, n) for n in names}
        watched.update({f"numpy.{n}": getattr(np, n) for n in ("allclose", "isclose", "array_equal", "all", "any", "asarray", "array")})
        watched.update({f"builtins.{n}": getattr(builtins, n) for n in ("all", "any", "abs", "len", "isinstance", "sum", "round", "float", "int", "max", "min", "AssertionError")})
        watched["sys.modules['numpy']"] = sys.modules["numpy"]
        return watched

    def _tampered(self):
        now = self._snapshot()
        changed = [k for k, v in self._integrity.items() if now.get(k) is not v]
        for name in changed:  # put them back, so later tests are fair
            owner, _, attr = name.rpartition(".")
            if owner == "numpy.testing":
                setattr(self.np.testing, attr, self._integrity[name])
            elif owner == "numpy":
                setattr(self.np, attr, self._integrity[name])
            elif owner == "builtins":
                setattr(builtins, attr, self._integrity[name])
            else:
                sys.modules["numpy"] = self._integrity[name]
        return changed

    def load_learner(self) -> dict:
        module = types.ModuleType(self.module_name)
        module.__file__ = self.filename
        sys.modules[self.module_name] = module
        self._cache_source(self.filename, self.setup["source"])
        try:
            code = compile(self.setup["source"], self.filename, "exec")
            exec(code, module.__dict__)
        except BaseException as error:  # noqa: BLE001 - anything the learner's import does is reported
            return self._failure(error, "importing " + os.path.basename(self.filename))
        self.module = module
        return {"status": "ok"}

    @staticmethod
    def _cache_source(filename, source):
        import linecache

        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)

    def _failure(self, error: BaseException, context: str = "") -> dict:
        if isinstance(error, NotImplementedError):
            frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == self.filename]
            what = str(error) or (frames[-1].name if frames else "the code")
            where = f" ({os.path.basename(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""
            return {"status": "not attempted", "message": f"{what} is not implemented yet{where}"}
        prefix = f"{context}: " if context else ""
        return {"status": "error", "message": prefix + _describe(error, self.memory_mb), "traceback": _learner_traceback(error, self.files)}

    def probe(self, request: dict) -> dict:
        key = request["source"]
        if key not in self.probes:
            namespace = {"np": self.np, "__name__": "mlkata_probe"}
            exec(compile(key, "<probe>", "exec"), namespace)
            self.probes[key] = namespace[request["function"]]
        function = self.probes[key]
        counts = collections.Counter()
        tracer_intact = True
        try:
            if request.get("trace"):
                value, tracer_intact = self._traced(function, request["args"], counts)
            else:
                value = function(self.module, *request["args"])
        except BaseException as error:  # noqa: BLE001
            return self._failure(error)
        reply = {"status": "ok", "value": value}
        if request.get("trace"):
            reply["lines"] = {str(k): v for k, v in counts.items()}
            reply["tracer_intact"] = tracer_intact
        return reply

    def _traced(self, function, args, counts):
        filename = self.filename

        def local(frame, event, arg):
            if event == "line":
                counts[frame.f_lineno] += 1
            return local

        def global_(frame, event, arg):
            return local if frame.f_code.co_filename == filename else None

        sys.settrace(global_)
        try:
            value = function(self.module, *args)
        finally:
            intact = sys.gettrace() is global_
            sys.settrace(None)
        return value, intact

    def visible(self, request: dict) -> dict:
        """Run one visible test function in a fresh copy of the test module."""
        module = types.ModuleType("test_" + self.module_name)
        module.__file__ = self.tests_filename
        self._cache_source(self.tests_filename, self.setup["tests_source"])
        try:
            exec(compile(self.setup["tests_source"], self.tests_filename, "exec"), module.__dict__)
            getattr(module, request["test"])()
        except AssertionError as error:
            reply = {"status": "failed", "message": self._assertion_message(error)}
        except BaseException as error:  # noqa: BLE001
            reply = self._failure(error)
        else:
            reply = {"status": "ok"}
        changed = self._tampered()
        if changed:
            reply = {"status": "error", "message": "the code replaced " + ", ".join(changed) + "; visible tests that the code under test can rewrite are not counted"}
        return reply

    def _assertion_message(self, error: AssertionError) -> str:
        text = str(error).strip()
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == self.tests_filename]
        where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}: {frames[-1].line}" if frames else ""
        return "\n".join(part for part in (where, text) if part)


def main(argv) -> int:
    fd_in, fd_out, memory_mb = int(argv[1]), int(argv[2]), int(argv[3])
    _limit_resources(memory_mb)
    from mlkata import wire
    from mlkata.rules import ALWAYS_DENIED, ImportPolicy

    channel = Channel(fd_in, fd_out, wire)
    setup = channel.receive()
    guard = Guard([setup["filename"]], ImportPolicy(tuple(setup["allowed"])), ALWAYS_DENIED, setup["protected"], os.getcwd())
    harness = Harness(setup, memory_mb)
    import importlib
    import linecache  # noqa: F401 - loaded before the guard goes up

    for module in setup["allowed"]:  # e.g. sklearn.tree with everything it needs, before the guard
        try:
            importlib.import_module(module)
        except ImportError:
            pass
    sys.addaudithook(guard)
    sys.meta_path.insert(0, guard)
    guard.active = True
    reply = harness.load_learner()
    channel.send(reply)
    if reply["status"] != "ok":
        return 0
    while True:
        try:
            request = channel.receive()
        except EOFError:
            return 0
        if request.get("op") == "exit":
            return 0
        handler = harness.visible if request["op"] == "visible" else harness.probe
        try:
            payload = wire.dumps(handler(request))
        except wire.Unencodable as error:
            payload = wire.dumps({"status": "error", "message": f"the code returned something that is not data: {error}"})
        except BaseException as error:  # noqa: BLE001 - e.g. MemoryError while encoding
            payload = wire.dumps({"status": "error", "message": _describe(error, memory_mb)})
        channel.send_payload(payload)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
