"""Forecasts from the ledger: bargaining inputs built for a date, the registered models, Monte Carlo.

Inputs on ``date``: each party's position in force on each issue (``positions``) with its band as
the Monte Carlo spread; capability and salience from the codebook (``Party.capability``,
``Party.salience``; ``DEFAULT_CAPABILITY`` and ``DEFAULT_SALIENCE`` where the codebook is silent);
an analyst's overrides from a mapping (YAML): ``positions: {RUS: {territory: 50}}``,
``capability: {UKR: 0.8}``, ``salience: {RUS: {territory: 100}}``, ``drop: [USA]``,
``concession: 20``. Red lines are not stated as such in the ledger, so the zone of agreement is
the overlap of what the belligerents (veto players) could accept: each up to ``concession``
points beyond its own position toward the other side. Every model in
``detente.bargaining.registry`` runs on the positions in force; the Monte Carlo over the position
bands gives the spread and, with the zone, the deadlock probability (the share of draws whose zone
is empty). A scenario is a set of overrides, compared with the baseline.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import warnings
from typing import Annotated

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError
from sqlalchemy import func, select

from detente.analysis.positions import codebook_of, positions
from detente.bargaining import registry
from detente.bargaining.inputs import AT_LEAST, AT_MOST, BargainingInputs, Uncertainty
from detente.bargaining.montecarlo import monte_carlo
from detente.codebook import Codebook
from detente.errors import BargainingInputError, DetenteError
from detente.ledger.models import DocumentRow, ReviewRow

DEFAULT_CAPABILITY = 0.2
DEFAULT_SALIENCE = 50.0
DEFAULT_CONCESSION = 25.0
MODELS = ("compromise", "median", "nash", "zopa", "eu")
OVERRIDE_KEYS = {"positions", "capability", "salience", "drop", "concession"}
Scale = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]  # every issue's scale
Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1)]  # a party or issue id; the codebook is asked whether it knows it


class Overrides(BaseModel):
    """An analyst's changes to the inputs, typed so that a wrong shape ("abc" for a position, one
    party where a list belongs) is refused with its field, not met as a crash deep in the models."""

    model_config = ConfigDict(extra="forbid")
    positions: dict[Name, dict[Name, Scale]] = Field(default_factory=dict, description="party -> issue -> 0–100")
    capability: dict[Name, Weight] = Field(default_factory=dict, description="party -> capability")
    salience: dict[Name, dict[Name, Weight]] = Field(default_factory=dict, description="party -> issue -> salience")
    drop: list[Name] = Field(default_factory=list, description="parties left out of the talks")
    concession: Scale = Field(DEFAULT_CONCESSION, description="points each side gives up past its position")


class Outcome(BaseModel):
    """What happened on one issue, as ``forecast score`` reads it."""

    model_config = ConfigDict(extra="forbid")
    outcome: Scale | None = None
    deadlock: StrictBool | None = None  # "maybe" or 1 is a typo, not a verdict


class IssueForecast(BaseModel):
    issue: str
    positions: dict[str, float]
    outcomes: dict[str, float | None] = Field(description="model -> predicted outcome on the 0–100 scale")
    mean: float | None = Field(None, description="Monte Carlo mean of the compromise outcome")
    low: float | None = Field(None, description="5th percentile")
    high: float | None = Field(None, description="95th percentile")
    zone: list[float] | None = Field(None, description="[low, high] of the zone of agreement; None when empty or unknown")
    deadlock: float | None = Field(description="probability that the zone of agreement is empty; None when the "
                                   "belligerents' positions are not both known")
    claim_ids: list[int]


class Forecast(BaseModel):
    date: dt.date
    ledger_hash: str
    draws: int
    seed: int
    models: list[str]
    issues: list[IssueForecast]
    overrides: dict = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class IssueChange(BaseModel):
    issue: str
    compromise_before: float | None
    compromise_after: float | None
    deadlock_before: float | None
    deadlock_after: float | None


class ScenarioResult(BaseModel):
    changes: dict
    baseline: Forecast
    changed: Forecast
    differences: list[IssueChange]


def ledger_hash(ledger) -> str:
    """SHA-256 over the stored articles' content hashes and the reviews: any new article or verdict changes it."""
    h = hashlib.sha256()
    with ledger.session() as session:
        for (doc_id,) in session.execute(select(DocumentRow.id).order_by(DocumentRow.id)):
            h.update(doc_id.encode() + b"\n")
        n, last = session.execute(select(func.count(ReviewRow.id), func.max(ReviewRow.id))).one()
    h.update(f"reviews:{n}:{last}".encode())
    return h.hexdigest()


def check_overrides(overrides: dict | Overrides | None) -> dict:
    """The overrides as plain data, every value checked; only the keys given (a scenario echoes them)."""
    if overrides is None:
        return {}
    if isinstance(overrides, Overrides):
        return overrides.model_dump(exclude_unset=True)
    if not isinstance(overrides, dict):
        raise DetenteError(f"overrides must be a mapping of {', '.join(sorted(OVERRIDE_KEYS))}, not {overrides!r}")
    unknown = set(overrides) - OVERRIDE_KEYS
    if unknown:
        raise DetenteError(f"unknown override(s) {sorted(unknown, key=str)}; use {', '.join(sorted(OVERRIDE_KEYS))}")
    try:
        return Overrides.model_validate(overrides).model_dump(exclude_unset=True)
    except ValidationError as exc:
        raise DetenteError(f"overrides.{first_problem(exc)}") from None


def first_problem(exc: ValidationError) -> str:
    """One line for a person: the dotted field and what is wrong with it."""
    e = exc.errors()[0]
    got = repr(e["input"])
    got = got if len(got) <= 60 else got[:59] + "…"
    return f"{'.'.join(map(str, e['loc']))}: {e['msg'][0].lower()}{e['msg'][1:]} (got {got})"


def check_names(cb: Codebook, ov: dict) -> None:
    """A party or issue the case does not know is an error, as in ``shifts``: a typo in ``drop``
    or ``positions`` would otherwise leave the forecast unchanged and read as "no effect"."""
    per_issue = [*ov.get("positions", {}).values(), *ov.get("salience", {}).values()]
    for party in sorted({*ov.get("positions", {}), *ov.get("capability", {}), *ov.get("salience", {}),
                         *ov.get("drop", [])}):
        codebook_of(None, cb, party=party)
    for issue in sorted({i for cells in per_issue for i in cells}):
        codebook_of(None, cb, issue=issue)


def inputs(ledger, *, date: dt.date | None = None, overrides: dict | None = None,
           codebook: Codebook | None = None, series: list | None = None) -> tuple[BargainingInputs | None, dict, list[str]]:
    """(inputs or None, claim ids per issue, notes) for ``date`` with the overrides applied."""
    cb = codebook_of(ledger, codebook)
    ov = check_overrides(overrides)
    check_names(cb, ov)
    process = {i.id for i in cb.issues if i.process}
    if series is None:
        series = positions(ledger, until=date, codebook=cb)
    series = [s for s in series if s.issue not in process]
    drop = set(ov.get("drop", []))
    cells: dict[tuple[str, str], tuple[float, float]] = {(s.party, s.issue): (s.current.position, s.current.sd)
                                                         for s in series if s.party not in drop}
    for party, per_issue in (ov.get("positions") or {}).items():
        for issue, value in per_issue.items():
            cells[(party, issue)] = (float(value), 0.0)
    claims = {}
    for s in series:
        if s.party not in drop:
            claims.setdefault(s.issue, []).extend(s.current.claim_ids)
    actors = sorted({p for p, _ in cells})
    issues = sorted({i for _, i in cells})
    notes = []
    if len(actors) < 2:
        notes.append(f"not enough parties with positions to bargain ({len(actors)})")
        return None, claims, notes
    n, d = len(actors), len(issues)
    pos, sd, present = np.zeros((n, d)), np.zeros((n, d)), np.zeros((n, d), bool)
    for (p, i), (value, spread) in cells.items():
        pos[actors.index(p), issues.index(i)], sd[actors.index(p), issues.index(i)] = value, spread
        present[actors.index(p), issues.index(i)] = True
    cap = np.array([_capability(cb, p, ov) for p in actors])
    sal = np.array([[_salience(cb, p, i, ov) for i in issues] for p in actors])
    red, red_dir, veto = _zone_lines(cb, actors, issues, pos, present, float(ov.get("concession", DEFAULT_CONCESSION)))
    unc = Uncertainty(np.clip(pos - sd, 0, 100), np.clip(pos + sd, 0, 100), sd, np.zeros((n, d)), np.zeros(n),
                      red_lines_follow=True)  # each side's concession is counted from where it stands in the draw
    try:
        x = BargainingInputs(tuple(actors), tuple(issues), cap, pos, sal, present, red, red_dir, veto, uncertainty=unc)
    except BargainingInputError as exc:
        raise DetenteError(f"cannot build bargaining inputs: {exc}") from None
    return x, claims, notes


def _capability(cb: Codebook, party: str, ov: dict) -> float:
    given = (ov.get("capability") or {}).get(party)
    if given is not None:
        return float(given)
    p = cb.party(party)
    return p.capability if p and p.capability is not None else DEFAULT_CAPABILITY


def _salience(cb: Codebook, party: str, issue: str, ov: dict) -> float:
    given = (ov.get("salience") or {}).get(party, {}).get(issue)
    if given is not None:
        return float(given)
    p = cb.party(party)
    return p.salience.get(issue, DEFAULT_SALIENCE) if p else DEFAULT_SALIENCE


def _zone_lines(cb: Codebook, actors, issues, pos, present, concession: float):
    """Each belligerent accepts outcomes up to ``concession`` points past its position toward the other."""
    n, d = pos.shape
    red, red_dir, veto = np.full((n, d), np.nan), np.zeros((n, d), int), np.zeros(n, bool)
    for a, party in enumerate(actors):
        other = cb.opponent(party)
        if other not in actors:
            continue
        veto[a] = True
        b = actors.index(other)
        for j in range(d):
            if not (present[a, j] and present[b, j]):
                continue
            if pos[a, j] >= pos[b, j]:
                red[a, j], red_dir[a, j] = max(pos[a, j] - concession, 0.0), AT_LEAST
            else:
                red[a, j], red_dir[a, j] = min(pos[a, j] + concession, 100.0), AT_MOST
    return red, red_dir, veto


def forecast(ledger, *, date: dt.date | None = None, draws: int = 1000, seed: int = 0,
             overrides: dict | None = None, codebook: Codebook | None = None,
             models: tuple[str, ...] = MODELS, series: list | None = None) -> Forecast:
    """Per issue: each model's predicted outcome, the Monte Carlo spread, the zone and the deadlock probability.

    ``series``: ``positions()`` already computed for the same ledger and date (the brief does it once).
    """
    overrides = check_overrides(overrides)
    x, claims, notes = inputs(ledger, date=date, overrides=overrides, codebook=codebook, series=series)
    day = date or dt.date.today()
    base = dict(date=day, ledger_hash=ledger_hash(ledger), draws=draws, seed=seed, overrides=overrides)
    if x is None:
        return Forecast(**base, models=[], issues=[], notes=notes)
    wanted = [m for m in models if m in registry.available()]
    results = {m: registry.run(m, x) for m in wanted}
    mc = monte_carlo(x, "compromise", draws=draws, seed=seed)
    dead = monte_carlo(x, "zopa", draws=draws, seed=seed)
    zone = results["zopa"].zone if "zopa" in results else None
    out = []
    for j, issue in enumerate(x.issues):
        members = {a: round(float(x.position[k, j]), 1) for k, a in enumerate(x.actors) if x.present[k, j]}
        bound = bool((x.red_dir[:, j] != 0).any())  # both belligerents have a position on the issue
        z = None if zone is None or not bound or not np.isfinite(zone[j]).all() else [round(float(v), 1) for v in zone[j]]
        out.append(IssueForecast(
            issue=issue, positions=members,
            outcomes={m: _num(r.outcome[j]) for m, r in results.items()},
            mean=_num(mc.outcome[j]), low=_num(mc.details["quantiles"]["q05"][j]),
            high=_num(mc.details["quantiles"]["q95"][j]), zone=z,
            deadlock=round(float(dead.deadlock[j]), 3) if bound else None, claim_ids=sorted(set(claims.get(issue, [])))))
    return Forecast(**base, models=wanted, issues=out, notes=notes)


def scenario(ledger, changes: dict | Overrides, *, date: dt.date | None = None, draws: int = 1000, seed: int = 0,
             codebook: Codebook | None = None) -> ScenarioResult:
    """The forecast with and without ``changes`` (overrides: a position, a dropped party, weights)."""
    changes = check_overrides(changes)
    check_names(codebook_of(ledger, codebook), changes)  # before the baseline's work, not after it
    before = forecast(ledger, date=date, draws=draws, seed=seed, codebook=codebook)
    after = forecast(ledger, date=date, draws=draws, seed=seed, overrides=changes, codebook=codebook)
    a = {i.issue: i for i in before.issues}
    b = {i.issue: i for i in after.issues}
    diffs = [IssueChange(issue=k, compromise_before=_get(a, k, "compromise"), compromise_after=_get(b, k, "compromise"),
                         deadlock_before=a[k].deadlock if k in a else None,
                         deadlock_after=b[k].deadlock if k in b else None) for k in sorted(set(a) | set(b))]
    return ScenarioResult(changes=changes, baseline=before, changed=after, differences=diffs)


def seal(f: Forecast, sealed_at: dt.datetime | None = None) -> dict:
    """The forecast with its commitment: SHA-256 of its canonical JSON, so it can later be shown unchanged."""
    body = f.model_dump(mode="json")
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return {"sealed_at": (sealed_at or dt.datetime.now(dt.timezone.utc)).isoformat(),
            "ledger_hash": f.ledger_hash, "commitment": hashlib.sha256(canonical.encode()).hexdigest(),
            "forecast": body}


def verify(sealed: dict) -> bool:
    canonical = json.dumps(sealed["forecast"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest() == sealed["commitment"]


def score(sealed: dict, outcomes: dict) -> dict:
    """Absolute error per model and issue against recorded outcomes ``{issue: {outcome, deadlock}}``;
    Brier score of the deadlock probability. A tampered seal is refused, and so is an outcome that
    cannot have happened (off the 0–100 scale, a deadlock that is not true or false, an issue the
    forecast does not have): scored quietly, it would skew the errors or drop out unseen."""
    f = sealed_forecast(sealed)
    recorded = check_outcomes(outcomes, [i.issue for i in f.issues])
    errors: dict[str, list[float]] = {}
    brier, rows = [], []
    for item in f.issues:
        got = recorded.get(item.issue)
        if got is None or not got.model_fields_set:
            continue
        row = {"issue": item.issue}
        if got.outcome is not None:
            for m, v in item.outcomes.items():
                if v is not None:
                    err = abs(v - got.outcome)
                    errors.setdefault(m, []).append(err)
                    row[m] = round(err, 2)
        if got.deadlock is not None and item.deadlock is not None:
            b = (item.deadlock - (1.0 if got.deadlock else 0.0)) ** 2
            brier.append(b)
            row["brier"] = round(b, 4)
        rows.append(row)
    return {"commitment": sealed["commitment"], "issues": rows,
            "mae": {m: round(sum(v) / len(v), 2) for m, v in errors.items()},
            "brier": round(sum(brier) / len(brier), 4) if brier else None}


def sealed_forecast(sealed) -> Forecast:
    """The forecast inside a file ``seal`` wrote, once its commitment shows it unchanged."""
    if not (isinstance(sealed, dict) and isinstance(sealed.get("commitment"), str)
            and isinstance(sealed.get("forecast"), dict)):
        raise DetenteError("not a sealed forecast: it needs the commitment and forecast that "
                           "`detente forecast --seal` writes")
    if not verify(sealed):
        raise DetenteError("the sealed forecast does not match its commitment: it was changed after sealing")
    try:
        return Forecast.model_validate(sealed["forecast"])
    except ValidationError as exc:
        raise DetenteError(f"not a sealed forecast: forecast.{first_problem(exc)}") from None


def check_outcomes(outcomes, issues: list[str]) -> dict[str, Outcome | None]:
    """``{issue: {outcome: 0–100, deadlock: true|false}}``, each issue one the forecast has."""
    if not isinstance(outcomes, dict):
        raise DetenteError(f"outcomes must be a mapping {{issue: {{outcome: 0-100, deadlock: true|false}}}}, "
                           f"not {outcomes!r}")
    return {issue: _outcome(issue, got, issues) for issue, got in outcomes.items()}


def _outcome(issue, got, issues: list[str]) -> Outcome | None:
    if issue not in issues:
        raise DetenteError(f"outcomes.{issue}: the sealed forecast has no such issue "
                           f"(its issues: {', '.join(issues) or 'none'})")
    if got is not None and not isinstance(got, dict):
        raise DetenteError(f"outcomes.{issue}: expected {{outcome: 0-100, deadlock: true|false}}, not {got!r}")
    try:
        return None if got is None else Outcome.model_validate(got)
    except ValidationError as exc:
        raise DetenteError(f"outcomes.{issue}.{first_problem(exc)}") from None


def _get(items: dict, key: str, model: str) -> float | None:
    return items[key].outcomes.get(model) if key in items else None


def _num(v) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return round(float(v), 1) if v is not None and np.isfinite(v) else None
