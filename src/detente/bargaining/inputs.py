"""The typed record every bargaining model reads: actors × issues, validated once.

Arrays, not nested dicts, so models stay vectorised numpy functions. Actors may be absent on
an issue (DEU data leave many cells empty): ``present[n, d]`` says who takes part; the values
in absent cells are ignored (set to 0 here). Red lines are ``red_line[n, d]`` with a
direction ``red_dir[n, d]``: +1 = the actor accepts only outcomes ≥ the line, -1 = only ≤,
0 = no red line. ``reference[d]`` is the status quo / no-agreement point, NaN where unknown.

Fewer than two actors is refused (BargainingInputError): with no one to bargain with there is
nothing to predict. An issue where only one actor takes part is allowed (its outcome is that
actor's position in every model).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from detente.errors import BargainingInputError

AT_LEAST, AT_MOST, NO_LINE = 1, -1, 0


def _frozen(a, dtype=float) -> np.ndarray:
    arr = np.array(a, dtype=dtype, copy=True)
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True, eq=False)
class Uncertainty:
    """How unsure each input is, for Monte Carlo: a position is uniform on [low, high] or, where
    ``position_sd`` > 0, normal around the stated position; salience and capability get normal
    spreads. All draws are clipped to the scale (positions) or to ≥ 0 (weights).

    ``red_lines_follow``: the red lines were set relative to the positions (a forecast's "so many
    points of concession past its own position"), so each draw moves an actor's lines with its
    drawn position; otherwise they are stated lines and stay where they are."""

    position_low: np.ndarray
    position_high: np.ndarray
    position_sd: np.ndarray
    salience_sd: np.ndarray
    capability_sd: np.ndarray
    red_lines_follow: bool = False

    @classmethod
    def none(cls, position: np.ndarray) -> "Uncertainty":
        z = np.zeros_like(position, dtype=float)
        return cls(position.copy(), position.copy(), z, z.copy(), np.zeros(position.shape[0]))

    def select(self, cols) -> "Uncertainty":
        return Uncertainty(self.position_low[:, cols], self.position_high[:, cols],
                           self.position_sd[:, cols], self.salience_sd[:, cols], self.capability_sd,
                           self.red_lines_follow)


@dataclass(frozen=True, eq=False)
class BargainingInputs:
    """Who bargains over what: capability[n], position[n, d], salience[n, d] and the extras."""

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    present: np.ndarray | None = None
    red_line: np.ndarray | None = None
    red_dir: np.ndarray | None = None
    veto: np.ndarray | None = None
    reference: np.ndarray | None = None
    observed: np.ndarray | None = None  # the actual outcome (benchmarks), NaN where unknown
    scale: tuple[float, float] = (0.0, 100.0)
    uncertainty: Uncertainty | None = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        n, d = len(self.actors), len(self.issues)
        set_ = lambda k, v: object.__setattr__(self, k, v)  # noqa: E731
        set_("actors", tuple(self.actors))
        set_("issues", tuple(self.issues))
        present = np.ones((n, d), bool) if self.present is None else self.present
        set_("present", _frozen(present, bool))
        for name in ("position", "salience"):
            arr = np.asarray(getattr(self, name), float)
            if arr.ndim == 1 and d == 1:
                arr = arr[:, None]
            set_(name, arr)
        set_("capability", np.asarray(self.capability, float))
        set_("red_line", np.full((n, d), np.nan) if self.red_line is None else np.asarray(self.red_line, float))
        set_("red_dir", np.zeros((n, d), int) if self.red_dir is None else np.asarray(self.red_dir, int))
        set_("veto", np.zeros(n, bool) if self.veto is None else np.asarray(self.veto, bool))
        set_("reference", np.full(d, np.nan) if self.reference is None else np.asarray(self.reference, float))
        set_("observed", np.full(d, np.nan) if self.observed is None else np.asarray(self.observed, float))
        validate(self)
        mask = self.present
        set_("position", _frozen(np.where(mask, self.position, 0.0)))
        set_("salience", _frozen(np.where(mask, self.salience, 0.0)))
        set_("red_dir", _frozen(np.where(mask, self.red_dir, NO_LINE), int))
        for name in ("capability", "red_line", "veto", "reference", "observed"):
            set_(name, _frozen(getattr(self, name), getattr(self, name).dtype))

    @property
    def n_actors(self) -> int:
        return len(self.actors)

    @property
    def n_issues(self) -> int:
        return len(self.issues)

    def weights(self) -> np.ndarray:
        """capability × salience per actor and issue, 0 where absent: the usual voting weight."""
        return self.capability[:, None] * self.salience * self.present

    def issue(self, j: int | str) -> "BargainingInputs":
        """One issue as its own record (dynamic models run issue by issue)."""
        if isinstance(j, str):
            if j not in self.issues:
                raise BargainingInputError(f"no issue {j!r}; issues are {', '.join(self.issues)}")
            j = self.issues.index(j)
        return self.select([j])

    def select(self, cols) -> "BargainingInputs":
        """A subset of issues, keeping every actor."""
        cols = list(cols)
        return BargainingInputs(
            self.actors, tuple(self.issues[c] for c in cols), self.capability,
            self.position[:, cols], self.salience[:, cols], self.present[:, cols],
            self.red_line[:, cols], self.red_dir[:, cols], self.veto, self.reference[cols],
            self.observed[cols], self.scale,
            None if self.uncertainty is None else self.uncertainty.select(cols), dict(self.meta))


def weightless_issues(x: BargainingInputs) -> list[str]:
    """Issues on which every taking-part actor's capability × salience is 0: the weighted models
    then count every actor alike (a plain mean), which a user should be told."""
    return [x.issues[j] for j in np.flatnonzero(x.weights().sum(axis=0) <= 0)]


def _check_shapes(x: BargainingInputs, n: int, d: int) -> None:
    want = {"capability": (n,), "position": (n, d), "salience": (n, d), "present": (n, d),
            "red_line": (n, d), "red_dir": (n, d), "veto": (n,), "reference": (d,), "observed": (d,)}
    for name, shape in want.items():
        got = np.shape(getattr(x, name))
        if got != shape:
            raise BargainingInputError(
                f"{name} has shape {got}, expected {shape} for {n} actors × {d} issues")


def validate(x: BargainingInputs) -> None:
    """Refuse inputs the models cannot make sense of, saying which actor and issue is wrong."""
    n, d = len(x.actors), len(x.issues)
    if n < 2:
        raise BargainingInputError(f"bargaining needs at least two actors, got {n}: {list(x.actors)}")
    if d < 1:
        raise BargainingInputError("bargaining needs at least one issue")
    if len(set(x.actors)) != n:
        raise BargainingInputError(f"actor names repeat: {list(x.actors)}")
    _check_shapes(x, n, d)
    lo, hi = x.scale
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise BargainingInputError(f"scale must be two finite numbers low < high, got {x.scale}")
    m = x.present
    _no_nan("capability", x.capability, x.actors, None)
    _no_nan("position", np.where(m, x.position, 0.0), x.actors, x.issues)
    _no_nan("salience", np.where(m, x.salience, 0.0), x.actors, x.issues)
    if (x.capability < 0).any():
        i = int(np.argmax(x.capability < 0))
        raise BargainingInputError(f"negative capability {x.capability[i]} for actor {x.actors[i]}")
    _cell_error("negative salience", m & (x.salience < 0), x.salience, x)
    _cell_error(f"position outside the scale {lo:g}–{hi:g}",
                m & ((x.position < lo) | (x.position > hi)), x.position, x)
    lines = m & (x.red_dir != NO_LINE)
    _cell_error(f"red line outside the scale {lo:g}–{hi:g} or missing",
                lines & ~((x.red_line >= lo) & (x.red_line <= hi)), x.red_line, x)
    if not np.isin(x.red_dir, (AT_LEAST, AT_MOST, NO_LINE)).all():
        raise BargainingInputError("red_dir must be +1 (accepts ≥), -1 (accepts ≤) or 0 (none)")
    ref = x.reference[np.isfinite(x.reference)]
    if ((ref < lo) | (ref > hi)).any():
        raise BargainingInputError(f"reference point outside the scale {lo:g}–{hi:g}: {ref[(ref < lo) | (ref > hi)]}")
    empty = ~m.any(axis=0)
    if empty.any():
        raise BargainingInputError(f"no actor takes part in issue {x.issues[int(np.argmax(empty))]}")
    if x.uncertainty is not None:
        _check_uncertainty(x.uncertainty, n, d, x)


def _check_uncertainty(u: Uncertainty, n: int, d: int, x: BargainingInputs) -> None:
    for name in ("position_low", "position_high", "position_sd", "salience_sd"):
        if np.shape(getattr(u, name)) != (n, d):
            raise BargainingInputError(f"uncertainty.{name} has shape {np.shape(getattr(u, name))}, expected {(n, d)}")
        _no_nan(f"uncertainty.{name}", np.where(x.present, getattr(u, name), 0.0), x.actors, x.issues)
    if np.shape(u.capability_sd) != (n,):
        raise BargainingInputError(f"uncertainty.capability_sd has shape {np.shape(u.capability_sd)}, expected {(n,)}")
    m = x.present
    _cell_error("position range with low > high", m & (u.position_low > u.position_high), u.position_low, x)
    _cell_error("negative spread", m & ((u.position_sd < 0) | (u.salience_sd < 0)), u.position_sd, x)
    if (np.asarray(u.capability_sd) < 0).any():
        raise BargainingInputError("negative capability spread in uncertainty.capability_sd")


def _no_nan(name, arr, actors, issues) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = np.argwhere(bad)[0]
        where = f"actor {actors[idx[0]]}" + (f", issue {issues[idx[1]]}" if issues else "")
        raise BargainingInputError(f"{name} is NaN or infinite for {where}")


def _cell_error(what: str, bad: np.ndarray, values: np.ndarray, x: BargainingInputs) -> None:
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise BargainingInputError(
            f"{what}: {values[i, j]:g} for actor {x.actors[i]}, issue {x.issues[j]}"
            f" ({int(bad.sum())} such value(s))")
