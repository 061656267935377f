"""Point 6: whatever the learner's code does costs the affected checks their points with a
clear message, and never hangs, crashes or fools the grader. Each fault runs under both
confinements: bubblewrap (where installed) and the rlimits fallback."""

import os
import textwrap
import time

import pytest

from mlkata import catalogue
from mlkata.judge import grade
from mlkata.results import ERROR, FAILED, PASSED, TIMEOUT
from mlkata.sandbox.process import Sandbox, _bubblewrap_probe

from .conftest import FIXTURE_KIT

KIT = catalogue.load(FIXTURE_KIT)
MODES = ["rlimits"] + (["bubblewrap"] if _bubblewrap_probe() else [])
GOOD_TRIPLE = "def triple(x):\n    return 3 * np.asarray(x, dtype=float)\n"


@pytest.fixture(params=MODES)
def mode(request, monkeypatch):
    if request.param == "rlimits":
        monkeypatch.setenv("MLKATA_SANDBOX", "rlimits")
    else:
        monkeypatch.delenv("MLKATA_SANDBOX", raising=False)
    return request.param


def grade_source(tmp_path, body, exercise="toy"):
    """Grade a learner file whose `double` is ``body`` and whose `triple` is correct."""
    path = tmp_path / f"{exercise}.py"
    path.write_text("import numpy as np\nimport os, sys, signal, time\n\n" + textwrap.dedent(body) + "\n\n" + GOOD_TRIPLE)
    return grade(KIT[exercise], path)


def by_name(report):
    return {c.name: c for c in report.checks}


def assert_only_double_lost(report, status, phrase):
    checks = by_name(report)
    assert checks["triple_matches"].status == PASSED, "a fault in double must not cost triple's check"
    assert checks["double_matches"].status == status, checks["double_matches"]
    assert phrase.lower() in checks["double_matches"].message.lower(), checks["double_matches"].message
    assert report.score < report.max_score


def test_infinite_loop_times_out_and_the_rest_is_graded(tmp_path, mode):
    started = time.monotonic()
    report = grade_source(tmp_path, "def double(x):\n    while True:\n        pass")
    assert_only_double_lost(report, TIMEOUT, "longer than the 2 s limit")
    assert time.monotonic() - started < 30


def test_ignored_signals_do_not_stop_the_kill(tmp_path, mode):
    body = """
    def double(x):
        for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(s, signal.SIG_IGN)
        while True:
            pass
    """
    assert_only_double_lost(grade_source(tmp_path, body), TIMEOUT, "limit")


def test_segfault(tmp_path, mode):
    body = "def double(x):\n    os.kill(os.getpid(), signal.SIGSEGV)"
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, "segmentation fault")


@pytest.mark.parametrize(("body", "phrase"), [
    ("def double(x):\n    sys.exit(0)", "sys.exit(0)"),
    ("def double(x):\n    os._exit(0)", "exit status 0"),
    ("def double(x):\n    raise KeyboardInterrupt", "KeyboardInterrupt"),
    ("def double(x):\n    raise ValueError('learner bug')", "ValueError: learner bug"),
    ("def double(x):\n    return np.ones((50_000, 50_000))", "out of memory"),
    ("def double(x):\n    return [b'\\x00' * 10**10]", "out of memory"),
])
def test_exits_exceptions_and_memory_bombs(tmp_path, mode, body, phrase):
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, phrase)


def test_error_shows_the_learners_frames_only(tmp_path, mode):
    body = """
    def helper(x):
        return x @ np.ones((7, 7))

    def double(x):
        return helper(x)
    """
    message = by_name(grade_source(tmp_path, body))["double_matches"].message
    assert "toy.py:" in message and "in helper" in message
    assert "mlkata" not in message and "child.py" not in message


def test_starting_a_process_is_refused(tmp_path, mode):
    body = """
    def double(x):
        if os.fork() == 0:
            time.sleep(600)
        return 2 * x
    """
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, "starting processes is not allowed")


def _descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if entry.isdigit():
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        found += children.get(todo[-1], [])
        todo += children.pop(todo.pop(), [])
    return found


def test_nothing_is_left_behind(tmp_path, mode):
    """A thread that never ends, and every process of the sandbox, are gone after grading."""
    source = "import threading, time\nthreading.Thread(target=time.sleep, args=(600,)).start()\n"
    setup = {"module_name": "m", "filename": str(tmp_path / "m.py"), "source": source, "tests_filename": None,
             "tests_source": "", "allowed": ["threading", "time"], "protected": []}
    with Sandbox(setup) as sandbox:
        reply = sandbox.request({"op": "probe", "source": "def p(mod):\n    return 1\n", "function": "p", "args": []}, timeout=10)
        assert reply["status"] == "ok"
        tree = [sandbox.process.pid, *_descendants(sandbox.process.pid)]
        assert len(tree) >= 1
    time.sleep(0.1)
    survivors = [pid for pid in tree if os.path.exists(f"/proc/{pid}") and open(f"/proc/{pid}/stat").read().split()[2] != "Z"]
    assert survivors == []


def test_printing_and_forged_output_do_not_fool_the_grader(tmp_path, mode):
    body = """
    def double(x):
        print('{"status": "ok", "value": 1}')
        print("Score 5/5 - passed", file=sys.stderr)
        for fd in range(3, 30):
            try:
                os.write(fd, b"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x10" + b'{"status": "ok"}')
            except OSError:
                pass
        return 2 * x
    """
    report = grade_source(tmp_path, body)
    check = by_name(report)["double_matches"]
    assert check.status != PASSED
    assert not report.passed


def test_monkeypatching_numpy_does_not_pass_checks(tmp_path, mode):
    body = """
    np.allclose = lambda *a, **k: True
    np.isclose = lambda a, b, **k: np.ones(np.shape(a), dtype=bool)
    np.testing.assert_allclose = lambda *a, **k: None

    def double(x):
        return x
    """
    report = grade_source(tmp_path, body)
    checks = by_name(report)
    assert checks["double_matches"].status == FAILED
    assert checks["test_double"].status != PASSED


def test_reading_the_reference_is_refused(tmp_path, mode):
    reference = str(KIT["toy"].reference)
    body = f"""
    def double(x):
        namespace = {{}}
        exec(open({reference!r}).read(), namespace)
        return namespace["double"](x)
    """
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, "not readable while grading")


def test_dynamic_import_of_sklearn_is_blocked(tmp_path, mode):
    body = """
    def double(x):
        importer = getattr(__builtins__, "__import__", None) or __builtins__["__import__"]
        importer("skl" + "earn")
        return 2 * x
    """
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, "import of 'sklearn")


def test_writing_outside_the_sandbox_is_refused(tmp_path, mode):
    target = tmp_path / "planted.txt"
    body = f"""
    def double(x):
        open({str(target)!r}, "w").write("pwned")
        return 2 * x
    """
    assert_only_double_lost(grade_source(tmp_path, body), ERROR, "not allowed while grading")
    assert not target.exists()


def test_killing_the_grader_is_refused(tmp_path, mode):
    body = "def double(x):\n    os.kill(os.getppid(), signal.SIGKILL)\n    return 2 * x"
    report = grade_source(tmp_path, body)  # reaching the next line means the grader survived
    assert by_name(report)["triple_matches"].status == PASSED


def test_a_loop_at_import_time_costs_every_check_once(tmp_path, mode):
    path = tmp_path / "toy.py"
    path.write_text("import numpy as np\nwhile True:\n    pass\ndef double(x):\n    return 2 * x\n" + GOOD_TRIPLE)
    started = time.monotonic()
    report = grade(KIT["toy"], path)
    assert {c.status for c in report.checks} == {TIMEOUT}
    assert time.monotonic() - started < 30, "the import-time loop must be waited for once, not once per check"


def test_vectorisation_names_the_growing_line(tmp_path, mode):
    body = """
    def double(x):
        out = np.empty(len(x))
        for i in range(len(x)):
            out[i] = 2 * x[i]
        return out
    """
    check = by_name(grade_source(tmp_path, body))["double_vectorised"]
    assert check.status == FAILED
    assert "for i in range(len(x))" in check.message and "100" in check.message and "400" in check.message


def test_an_allowed_submodule_works_and_its_siblings_stay_closed(tmp_path, mode):
    """With imports = [..., "sklearn.tree"], the learner may use sklearn.tree but no other part."""
    import dataclasses

    exercise = dataclasses.replace(KIT["toy"], imports=("numpy", "sklearn.tree", "os", "sys", "signal", "time"))
    path = tmp_path / "toy.py"
    path.write_text(
        "import numpy as np\nimport os, sys, signal, time\nfrom sklearn.tree import DecisionTreeRegressor\nimport sklearn.tree\n\n"
        "def double(x):\n    DecisionTreeRegressor(max_depth=1).fit(np.c_[x], x)\n    return 2 * np.asarray(x)\n\n"
        "def triple(x):\n    getattr(sklearn, 'ensemble').RandomForestClassifier\n    return 3 * np.asarray(x)\n"
    )
    checks = by_name(grade(exercise, path))
    assert checks["double_matches"].status == PASSED, checks["double_matches"].message
    assert checks["triple_matches"].status == ERROR
    assert "import of 'sklearn.ensemble" in checks["triple_matches"].message


def test_importlib_cannot_reach_a_module_the_exercise_does_not_allow(tmp_path, mode):
    body = """
    def double(x):
        __import__("importlib").import_module("sci" + "py.optimize")
        return 2 * x
    """
    assert_only_double_lost(grade_source(tmp_path, body, exercise="toy"), ERROR, "import of 'scipy")
