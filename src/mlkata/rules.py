"""Static rules checked before any of the learner's code runs.

The file must parse, define the names the exercise asks for, and import only what the
exercise allows. The same import policy is enforced again at run time inside the sandbox
(see :mod:`mlkata.sandbox.child`), which catches ``importlib`` and ``__import__`` tricks.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

# The standard library modules any exercise may use: pure computation, no I/O, no processes.
SAFE_STDLIB = frozenset(
    "__future__ abc bisect collections copy dataclasses enum functools heapq itertools math "
    "numbers operator random statistics typing warnings".split()
)
# Never importable by the learner, whatever the exercise allows, except submodules it names.
ALWAYS_DENIED = frozenset({"sklearn", "solutions", "graders", "mlkata"})
DYNAMIC_IMPORTERS = {"__import__", "import_module"}


@dataclass(frozen=True)
class ImportPolicy:
    """Which modules the learner's code may import.

    Parameters
    ----------
    allowed : tuple of str
        Modules (and their submodules) allowed beyond :data:`SAFE_STDLIB`,
        e.g. ``("numpy",)`` or ``("numpy", "sklearn.tree")``.
    """

    allowed: tuple[str, ...] = ("numpy",)

    def permits(self, module: str) -> bool:
        """Whether the learner's own code may import ``module``."""
        top = module.split(".")[0]
        if top in SAFE_STDLIB:
            return True
        return any(module == a or module.startswith(a + ".") for a in self.allowed)

    def describe(self) -> str:
        return ", ".join(self.allowed) + " and the standard library's " + ", ".join(sorted(SAFE_STDLIB - {"__future__"}))


@dataclass(frozen=True)
class Violation:
    """One broken rule, located in the learner's file."""

    line: int
    message: str


def check_source(source: str, filename: str, requires: tuple[str, ...], policy: ImportPolicy) -> list[Violation]:
    """Every static rule ``source`` breaks, in line order; an empty list means it may run.

    Parameters
    ----------
    source : str
        The learner's file.
    filename : str
        Its name as shown in messages (``logreg.py``).
    requires : tuple of str
        Top-level names the file must define.
    policy : ImportPolicy
        What it may import.
    """
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as error:
        where = f"{filename}:{error.lineno}" if error.lineno else filename
        return [Violation(error.lineno or 0, f"syntax error at {where}: {error.msg}")]
    except ValueError as error:  # e.g. null bytes in the source
        return [Violation(0, f"{filename} cannot be parsed: {error}")]
    violations = [v for node in ast.walk(tree) for v in _import_violations(node, filename, policy)]
    defined = _top_level_names(tree)
    violations += [
        Violation(0, f"{filename} must define {name}") for name in requires if name not in defined
    ]
    return sorted(violations, key=lambda v: v.line)


def _import_violations(node, filename, policy):
    if isinstance(node, ast.Import):
        modules = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            yield Violation(node.lineno, f"{filename}:{node.lineno}: relative imports are not allowed; the exercise is one file")
            return
        modules = [node.module or ""]
    elif isinstance(node, ast.Call) and _called_name(node.func) in DYNAMIC_IMPORTERS:
        arg = node.args[0] if node.args else None
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            return  # a computed name: the run-time hook in the sandbox decides
        modules = [arg.value]
    else:
        return
    for module in modules:
        if not policy.permits(module):
            yield Violation(node.lineno, f"{filename}:{node.lineno}: import of '{module}' is not allowed here (allowed: {policy.describe()})")


def _called_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _top_level_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names
