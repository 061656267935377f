"""Plain result records: what the judge produces and every reporter reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PASSED, FAILED, ERROR, TIMEOUT, NOT_ATTEMPTED = "passed", "failed", "error", "timeout", "not attempted"
CHECK_STATUSES = (PASSED, FAILED, ERROR, TIMEOUT, NOT_ATTEMPTED)
REJECTED = "rejected"  # a whole-report status: a static rule failed, nothing ran


@dataclass
class CheckResult:
    """The outcome of one visible test or hidden check.

    Attributes
    ----------
    name : str
        Stable identifier (the test's or check's function name).
    title : str
        One line saying what the check verifies.
    visibility : {"visible", "hidden"}
    status : one of :data:`CHECK_STATUSES`
    score, max_score : float
    message : str
        For anything but a pass: what differed, by how much, and the likely cause.
    duration_s : float
        Time the learner's code ran for this check.
    output : str
        What the learner's code printed meanwhile (shown, never parsed).
    """

    name: str
    title: str
    visibility: str
    status: str
    score: float
    max_score: float
    message: str = ""
    duration_s: float = 0.0
    output: str = ""


@dataclass
class Report:
    """Everything one grading run found.

    ``status`` is ``passed`` when every check passed, ``not attempted`` when none was
    attempted, ``rejected`` when a static rule stopped the run, ``failed`` otherwise.
    """

    exercise: str
    impl: str
    seed: int
    isolation: str
    checks: list[CheckResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # static-rule violations
    duration_s: float = 0.0

    @property
    def score(self) -> float:
        return round(sum(c.score for c in self.checks), 6)

    @property
    def max_score(self) -> float:
        return round(sum(c.max_score for c in self.checks), 6)

    @property
    def status(self) -> str:
        if self.problems:
            return REJECTED
        statuses = {c.status for c in self.checks}
        if statuses <= {PASSED}:
            return PASSED
        if statuses == {NOT_ATTEMPTED}:
            return NOT_ATTEMPTED
        return FAILED

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def to_dict(self) -> dict:
        """The ``--json`` document."""
        return {
            "exercise": self.exercise,
            "score": self.score,
            "max_score": self.max_score,
            "status": self.status,
            "seed": self.seed,
            "impl": self.impl,
            "isolation": self.isolation,
            "problems": list(self.problems),
            "checks": [
                {k: v for k, v in asdict(c).items() if k in ("name", "visibility", "status", "score", "max_score", "message", "duration_s")}
                for c in self.checks
            ],
        }
