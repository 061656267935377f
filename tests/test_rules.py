"""Point 7: static rules before anything runs, with the line they are broken on."""

import pytest

from mlkata import catalogue
from mlkata.judge import grade
from mlkata.results import ERROR, REJECTED
from mlkata.rules import ImportPolicy, check_source

from .conftest import FIXTURE_KIT

GOOD = "import numpy as np\n\ndef double(x):\n    return 2 * x\n\ndef triple(x):\n    return 3 * x\n"
NUMPY_ONLY = ImportPolicy(("numpy",))


def messages(source, policy=NUMPY_ONLY):
    return [v.message for v in check_source(source, "strict.py", ("double", "triple"), policy)]


def test_a_good_file_breaks_no_rule():
    assert messages(GOOD) == []
    assert messages("import math, functools\nfrom collections import Counter\n" + GOOD) == []


def test_syntax_error_is_reported_with_file_and_line():
    assert messages("import numpy as np\n\ndef double(x)\n    return x\n") == ["syntax error at strict.py:3: expected ':'"]


def test_null_bytes_are_a_syntax_error_without_a_line():
    assert messages("import numpy as np\nx = '\0'\n") == ["syntax error at strict.py: source code string cannot contain null bytes"]


def test_required_names_must_exist():
    assert messages("import numpy as np\n\ndef double(x):\n    return x\n") == ["strict.py must define triple"]


def test_a_name_may_be_defined_by_assignment_or_import():
    assert messages("import numpy as np\ndouble = triple = np.positive\n") == []


@pytest.mark.parametrize(("line", "module"), [
    ("import sklearn", "sklearn"),
    ("from sklearn.linear_model import LogisticRegression", "sklearn.linear_model"),
    ("import solutions.strict as ref", "solutions.strict"),
    ("from graders import strict", "graders"),
    ("import scipy.optimize", "scipy.optimize"),
    ("import os", "os"),
    ("x = __import__('sklearn')", "sklearn"),
    ("import importlib\nm = importlib.import_module('sklearn.cluster')", "importlib"),
])
def test_forbidden_imports_are_refused_with_their_line(line, module):
    found = messages(GOOD + line + "\n")
    first_line = GOOD.count("\n") + 1
    assert any(f"strict.py:{first_line}: import of '{module}' is not allowed" in m for m in found), found


def test_relative_imports_are_refused():
    assert messages(GOOD + "from . import helper\n") == ["strict.py:8: relative imports are not allowed; the exercise is one file"]


def test_an_allowed_submodule_does_not_open_its_package():
    policy = ImportPolicy(("numpy", "sklearn.tree"))
    assert messages(GOOD + "from sklearn.tree import DecisionTreeClassifier\n", policy) == []
    assert messages(GOOD + "from sklearn.ensemble import RandomForestClassifier\n", policy) != []


def test_a_rejected_file_runs_nothing_and_every_check_says_why(tmp_path):
    path = tmp_path / "strict.py"
    path.write_text(GOOD + "import sklearn\nopen('/tmp/ran', 'w')\n")
    report = grade(catalogue.load(FIXTURE_KIT)["strict"], path)
    assert report.status == REJECTED and report.score == 0
    assert report.problems == [f"strict.py:8: import of 'sklearn' is not allowed here (allowed: {NUMPY_ONLY.describe()})"]
    assert all(c.status == ERROR and c.message.startswith("not run: strict.py:8") for c in report.checks)
