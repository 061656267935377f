"""The grading path: static rules, then the sandbox runs probes, then checks compare.

The judge is the only place that decides scores. It loads the grader and the reference
solution in this process (both trusted), starts the sandbox child before doing anything
else so the child's start-up overlaps with ours, and turns every outcome into a
:class:`~mlkata.results.CheckResult`.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import threading
import time
from pathlib import Path

from . import rules
from .catalogue import Exercise
from .errors import MissingFile, MlkataError
from .grading import CheckSpec, Context, Failed, LearnerStopped, collect
from .results import ERROR, FAILED, NOT_ATTEMPTED, PASSED, TIMEOUT, CheckResult, Report
from .sandbox.process import Sandbox, isolation

DEFAULT_SEED = 0
VISIBLE_POINTS = 1.0


@functools.lru_cache(maxsize=None)
def _load_module(path: str, mtime: float, prefix: str):
    spec = importlib.util.spec_from_file_location(f"{prefix}_{Path(path).stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_trusted(path: Path, prefix: str):
    """Import a kit file (grader or reference) in this process, cached until it changes."""
    return _load_module(str(path), path.stat().st_mtime, prefix)


def visible_test_names(exercise: Exercise) -> list[str]:
    """The ``test_*`` functions of the visible test file, in file order."""
    if not exercise.visible_tests.is_file():
        return []
    tree = ast.parse(exercise.visible_tests.read_text(encoding="utf-8"))
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]


def read_learner_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingFile(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise MissingFile(f"{path} cannot be read: {error}") from None


def grade(exercise: Exercise, impl: Path | None = None, seed: int | None = None) -> Report:
    """Grade the file ``impl`` (default: the learner's file) against ``exercise``.

    Parameters
    ----------
    exercise : Exercise
        The catalogue entry.
    impl : Path, optional
        The file to grade; defaults to ``exercises/NAME/NAME.py``.
    seed : int, optional
        Seed for every hidden check's data; :data:`DEFAULT_SEED` when omitted.

    Returns
    -------
    Report
    """
    impl = Path(impl) if impl else exercise.stub
    return grade_source(exercise, read_learner_file(impl), seed, filename=str(impl.resolve()), label=str(impl))


def grade_source(exercise: Exercise, source: str, seed: int | None = None, filename: str | None = None, label: str | None = None) -> Report:
    """Grade ``source`` (code that is not, or not only, in a file) against ``exercise``.

    Parameters
    ----------
    exercise : Exercise
    source : str
        The learner's code, as one module.
    seed : int, optional
        As for :func:`grade`.
    filename : str, optional
        What tracebacks and line counts call the code (default ``NAME.py``).
    label : str, optional
        What the report names as the graded file (default: ``filename``).
    """
    started = time.monotonic()
    filename = filename or f"{exercise.name}.py"
    seed = DEFAULT_SEED if seed is None else int(seed)
    if seed < 0:
        raise MlkataError(f"the seed must be a whole number >= 0, not {seed}")
    policy = rules.ImportPolicy(exercise.imports)
    violations = rules.check_source(source, Path(filename).name, exercise.requires, policy)
    tests = visible_test_names(exercise)
    grader = load_trusted(exercise.grader, "mlkata_grader")
    specs = collect(grader)
    report = Report(exercise.name, label or filename, seed, isolation())
    if violations:
        report.problems = [v.message for v in violations]
        not_run = f"not run: {violations[0].message}"
        report.checks = [_result(t, t, "visible", ERROR, 0, VISIBLE_POINTS, not_run) for t in tests]
        report.checks += [_result(s.name, s.title, "hidden", ERROR, 0, s.points, not_run) for s in specs]
        report.duration_s = time.monotonic() - started
        return report
    setup = {
        "module_name": exercise.name,
        "filename": filename,
        "source": source,
        "tests_filename": str(exercise.visible_tests) if tests else None,
        "tests_source": exercise.visible_tests.read_text(encoding="utf-8") if tests else "",
        "allowed": list(exercise.imports),
        "protected": [str(exercise.root / "solutions"), str(exercise.root / "graders")],
    }
    with Sandbox(setup, memory_mb=exercise.memory_mb, load_timeout=exercise.timeout_s) as sandbox:
        _preload(grader)
        for test in tests:
            report.checks.append(_run_visible(sandbox, test, exercise.timeout_s))
        context = Context(seed, sandbox, load_trusted(exercise.reference, "mlkata_reference"), exercise.timeout_s, source, filename)
        for spec in specs:
            report.checks.append(_run_hidden(spec, context, exercise.timeout_s))
    report.duration_s = time.monotonic() - started
    return report


def _preload(grader) -> None:
    """Import the grader's heavy modules (``PRELOAD``, e.g. scikit-learn) in a thread.

    The main thread mostly waits on the sandbox meanwhile, so the import overlaps with the
    child's start-up and the visible tests instead of adding to them.
    """
    modules = getattr(grader, "PRELOAD", ())
    if modules:
        threading.Thread(target=lambda: [importlib.import_module(m) for m in modules], daemon=True).start()


def _result(name, title, visibility, status, score, max_score, message="", duration_s=0.0, output=""):
    return CheckResult(name, title, visibility, status, score, max_score, message.strip(), round(duration_s, 4), output)


def _run_visible(sandbox: Sandbox, test: str, timeout_s: float) -> CheckResult:
    reply = sandbox.request({"op": "visible", "test": test}, timeout=timeout_s)
    status = {"ok": PASSED, "failed": FAILED, "error": ERROR, "not attempted": NOT_ATTEMPTED, "timeout": TIMEOUT}[reply["status"]]
    message = reply.get("message", "")
    if reply.get("traceback"):
        message += "\n" + reply["traceback"]
    score = VISIBLE_POINTS if status == PASSED else 0.0
    title = test.removeprefix("test_").replace("_", " ")
    return _result(test, title, "visible", status, score, VISIBLE_POINTS, message, reply.get("duration_s", 0.0), reply.get("output", ""))


def _run_hidden(spec: CheckSpec, context: Context, default_timeout: float) -> CheckResult:
    context.timeout_s = spec.timeout_s or default_timeout
    context.for_check(spec.name)
    try:
        spec.function(context)
    except LearnerStopped as stopped:
        status = {"timeout": TIMEOUT, "not attempted": NOT_ATTEMPTED}.get(stopped.status, ERROR)
        outcome = (status, 0.0, stopped.message)
    except Failed as failure:
        outcome = (FAILED, 0.0, str(failure))
    except Exception as error:  # noqa: BLE001 - the learner's data broke a comparison
        outcome = (FAILED, 0.0, f"the output could not be checked ({type(error).__name__}: {error}); is it the documented type and shape?")
    else:
        outcome = (PASSED, spec.points, "")
    status, score, message = outcome
    return _result(spec.name, spec.title, "hidden", status, score, spec.points, message, context.learner_time_s, "".join(context.output))
