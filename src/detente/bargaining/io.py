"""Readers that turn files into :class:`BargainingInputs` (the models themselves do no I/O).

Formats:

* **KTAB CSV** (``read_ktab_csv``): line 1 ``scenario name, description, n_actors, n_dims``;
  line 2 a header ``Actor, Description, Power|Influence, <dim> Position, <dim> Salience, ...``;
  then one line per actor. Positions and saliences are on 0–100 and kept as given (KTAB
  itself divides both by 100 internally; the scale here is 0–100).
* **BDM CSV** (``read_bdm_csv``): ``Actor,Capability,Position,Salience``, one issue, salience
  as BDM's probability 0–1 (stored ×100 on detente's 0–100 salience scale), e.g.
  benchmarks/cases/bdm1994_emissions_scholz.csv.
* **DEU TSV** (``read_deu_tsv``): the DEU I–III file. Columns ``p<actor>``/``s<actor>``
  (``com``, ``ep``, 28 member states), ``rp`` reference point, ``out`` the observed outcome.
  The first data row is the GDP row (a capability proxy), not an issue. An empty cell or a
  value outside 0–100 (e.g. 999) is missing: that actor is absent on that issue.
* **detente YAML** (``read_yaml``)::

      scale: [0, 100]                 # optional, default 0–100
      issues:                         # ids, or mappings with an optional reference point
        - {id: territory, reference: 20}
        - sanctions
      actors:
        - name: UKR
          capability: 30
          veto: true                  # optional
          position: {territory: 0, sanctions: 90}   # an issue left out = actor absent there
          salience: {territory: 95, sanctions: 60}
          red_line: {territory: "<= 30"}            # accepts only outcomes <= 30 (or ">= x")
          range: {territory: [0, 10]}               # optional, Monte Carlo: uniform position
          spread: {sanctions: 5}                    # optional, Monte Carlo: normal sd
          salience_spread: {sanctions: 10}          # optional, Monte Carlo: normal sd
          capability_spread: 5                      # optional, Monte Carlo: normal sd

* **detente CSV** (``read_long_csv``): one row per actor and issue, header
  ``actor,issue,position,salience`` plus any of ``capability, veto, red_line, reference,
  low, high, sd`` (capability/veto: first non-empty value per actor; reference: per issue;
  red_line like ``<= 30``; low/high a uniform range, sd a normal spread, for Monte Carlo).

``read_inputs`` picks the reader from the file's extension and first line.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import yaml

from detente.bargaining.inputs import AT_LEAST, AT_MOST, BargainingInputs, Uncertainty
from detente.errors import BargainingInputError

DEU_SKIP = ("prnrnmc", "isnrnmc", "prnr", "prname", "proc", "proccde", "prnrnmc")
_RED_LINE = re.compile(r"^\s*(>=|<=|≥|≤)\s*(-?[0-9.]+)\s*$")


def _text(path: str | Path) -> str:
    """The file as text, or one clear error: binary data and undecodable bytes are refused."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise BargainingInputError(f"{path}: cannot be read ({e.strerror})") from None
    if b"\x00" in data:
        raise BargainingInputError(f"{path}: a binary file, not a text table or YAML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BargainingInputError(f"{path}: not UTF-8 text (byte {e.start}); a binary file?") from None


def _float(text: str, what: str) -> float:
    try:
        return float(str(text).strip())
    except ValueError:
        raise BargainingInputError(f"{what}: {text!r} is not a number") from None


def read_ktab_csv(path: str | Path) -> BargainingInputs:
    """KTAB's SMP input CSV → inputs (capability = KTAB's power/influence column)."""
    rows = [[c.strip() for c in r] for r in csv.reader(_text(path).splitlines()) if any(c.strip() for c in r)]
    if len(rows) < 3:
        raise BargainingInputError(f"{path}: a KTAB CSV needs a title line, a header and actors")
    header = [h for h in rows[1] if h]
    n_dims = (len(header) - 3) // 2
    if n_dims < 1 or len(rows[0]) < 2:
        raise BargainingInputError(f"{path}: not a KTAB CSV (line 2 must be a header 'Actor, Description, "
                                   "Power, <dim> Position, <dim> Salience, ...')")
    if len(rows[0]) > 3 and rows[0][3]:
        stated = int(_float(rows[0][3], f"{path}: number of dimensions (line 1, field 4)"))
        if stated > n_dims:
            raise BargainingInputError(f"{path}: line 1 says {stated} dimensions, the header has {n_dims}")
        n_dims = stated
    issues = tuple(_dim_name(header[3 + 2 * k], k) for k in range(n_dims))
    names, cap, pos, sal = [], [], [], []
    for r in rows[2:]:
        if len(r) < 3 + 2 * n_dims:
            raise BargainingInputError(f"{path}: actor line {r[0]!r} needs capability and "
                                       f"{n_dims} position/salience pair(s)")
        names.append(r[0])
        cap.append(_float(r[2], f"{path}: capability of {r[0]}"))
        vals = [_float(c, f"{path}: actor {r[0]}") for c in r[3:3 + 2 * n_dims]]
        pos.append(vals[0::2])
        sal.append(vals[1::2])
    return BargainingInputs(tuple(names), issues, np.array(cap), np.array(pos), np.array(sal),
                            meta={"scenario": rows[0][0], "description": rows[0][1] if len(rows[0]) > 1 else ""})


def _dim_name(header: str, k: int) -> str:
    """'Policy Position' → 'Policy'; KTAB's bare 'Pstn1' → 'dim1'."""
    name = re.sub(r"\s*position\s*$", "", header, flags=re.I)
    return f"dim{k + 1}" if not name or re.fullmatch(r"pstn\d*", name, re.I) else name


def _deu_value(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        return np.nan
    return v if 0.0 <= v <= 100.0 else np.nan


def read_deu_tsv(path: str | Path, issue: str | None = None,
                 capability: dict[str, float] | None = None) -> BargainingInputs:
    """DEU I–III TSV → inputs over all issues (or one, by ``isnr`` id).

    ``capability`` maps actor code (``de``, ``com``, ...) to weight; default the GDP row.
    """
    rows = [r for r in csv.reader(_text(path).splitlines(), delimiter="\t") if any(c.strip() for c in r)]
    head = rows[0] if rows else []
    col = {h: k for k, h in enumerate(head)}
    actors = tuple(h[1:] for h in head if h.startswith("p") and h not in DEU_SKIP and "s" + h[1:] in col)
    if "isnr" not in col or not actors or len(rows) < 3:
        raise BargainingInputError(f"{path}: not a DEU TSV (a tab-separated header with 'isnr' and "
                                   "p<actor>/s<actor> columns, the GDP row, then one row per issue)")
    rows = [r + [""] * (len(head) - len(r)) for r in rows]  # a short row: its last cells are empty
    gdp, data = rows[1], rows[2:]
    if issue is not None:
        data = [r for r in data if r[col["isnr"]] == issue]
        if not data:
            raise BargainingInputError(f"{path}: no issue with isnr {issue!r}")
    pos = np.array([[_deu_value(r[col["p" + a]]) for r in data] for a in actors])
    sal = np.array([[_deu_value(r[col["s" + a]]) for r in data] for a in actors])
    present = np.isfinite(pos) & np.isfinite(sal)
    if capability is None:
        cap = np.array([_float(gdp[col["p" + a]] or 0, f"{path}: GDP row, actor {a}") for a in actors])
    else:
        missing = [a for a in actors if a not in capability]
        if missing:
            raise BargainingInputError(f"capability missing for DEU actors {missing}")
        cap = np.array([float(capability[a]) for a in actors])
    num = lambda c: np.array([_deu_value(r[col[c]]) for r in data])  # noqa: E731
    meta = {k: [r[col[k]] for r in data] for k in ("proc", "counvte", "intro", "prname") if k in col}
    return BargainingInputs(actors, tuple(r[col["isnr"]] for r in data), cap,
                            np.nan_to_num(pos), np.nan_to_num(sal), present,
                            reference=num("rp"), observed=num("out"), meta=meta)


def _red_line(text, where: str) -> tuple[float, int]:
    m = _RED_LINE.match(str(text))
    if not m:
        raise BargainingInputError(f"{where}: red line {text!r} must look like '>= 30' or '<= 70'")
    return float(m.group(2)), AT_LEAST if m.group(1) in (">=", "≥") else AT_MOST


_PER_ISSUE = ("position", "salience", "red_line", "range", "spread", "salience_spread")


def _cells(actors: list[dict], ids: list[str]) -> dict[str, np.ndarray]:
    """Per actor × issue arrays from the actors' per-issue mappings (NaN/0 where not given)."""
    n, d = len(actors), len(ids)
    c = {k: np.full((n, d), np.nan) for k in ("pos", "sal", "line", "low", "high")}
    c.update(sd=np.zeros((n, d)), sal_sd=np.zeros((n, d)), dir=np.zeros((n, d), int))
    for a, actor in enumerate(actors):
        who = f"actor {actor['name']}"
        get = {k: actor.get(k) or {} for k in _PER_ISSUE}
        for key, given in get.items():
            unknown = set(map(str, given)) - set(ids)
            if unknown:
                raise BargainingInputError(f"{who}: {key} names unknown issue(s) {sorted(unknown)}")
        for j, i in enumerate(ids):
            where = f"{who}, issue {i}"
            if i in get["position"]:
                c["pos"][a, j] = _float(get["position"][i], f"{where}: position")
                if not np.isfinite(c["pos"][a, j]):  # not "absent": that is leaving the issue out
                    raise BargainingInputError(f"{where}: position is {get['position'][i]!r}, not a finite number "
                                               "(leave the issue out of the actor's positions if it takes no part)")
                c["sal"][a, j] = _float(get["salience"].get(i, np.nan), f"{where}: salience")
            if i in get["red_line"]:
                c["line"][a, j], c["dir"][a, j] = _red_line(get["red_line"][i], where)
            if i in get["range"]:
                c["low"][a, j], c["high"][a, j] = (_float(v, f"{where}: range") for v in get["range"][i])
            if i in get["spread"]:
                c["sd"][a, j] = _float(get["spread"][i], f"{where}: spread")
            if i in get["salience_spread"]:
                c["sal_sd"][a, j] = _float(get["salience_spread"][i], f"{where}: salience_spread")
    return c


def _uncertainty(c: dict, cap_sd: np.ndarray) -> Uncertainty | None:
    """The Monte Carlo spreads, or None when the file gives none."""
    if not (np.isfinite(c["low"]).any() or (c["sd"] > 0).any() or (c["sal_sd"] > 0).any() or (cap_sd > 0).any()):
        return None
    pos = np.nan_to_num(c["pos"])
    return Uncertainty(np.where(np.isfinite(c["low"]), c["low"], pos),
                       np.where(np.isfinite(c["high"]), c["high"], pos), c["sd"], c["sal_sd"], cap_sd)


def _build(actors: list[dict], issues: list[dict], scale) -> BargainingInputs:
    """Common builder for the YAML and long-CSV formats: per-actor dicts → arrays."""
    ids = [str(i["id"]) for i in issues]
    c = _cells(actors, ids)
    actor_num = lambda key, default: np.array(  # noqa: E731
        [_float(a.get(key, default), f"actor {a['name']}: {key}") for a in actors])
    ref = [np.nan if i.get("reference") in (None, "") else _float(i["reference"], f"issue {i['id']}: reference")
           for i in issues]
    present = np.isfinite(c["pos"])
    return BargainingInputs(
        tuple(str(a["name"]) for a in actors), tuple(ids), actor_num("capability", 1.0),
        np.nan_to_num(c["pos"]), np.where(present, c["sal"], 0.0), present, np.nan_to_num(c["line"]),
        c["dir"], np.array([bool(a.get("veto", False)) for a in actors]), np.array(ref),
        scale=tuple(float(s) for s in scale),
        uncertainty=_uncertainty(c, actor_num("capability_spread", 0.0)))


def read_yaml(path: str | Path) -> BargainingInputs:
    """detente's YAML format (see the module docstring)."""
    try:
        doc = yaml.safe_load(_text(path)) or {}
    except yaml.YAMLError as e:
        raise BargainingInputError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(doc, dict) or "actors" not in doc or "issues" not in doc:
        raise BargainingInputError(f"{path}: expected a mapping with 'issues' and 'actors'")
    if not isinstance(doc["issues"], list) or not isinstance(doc["actors"], list):
        raise BargainingInputError(f"{path}: 'issues' and 'actors' must be lists, got "
                                   f"{type(doc['issues']).__name__} and {type(doc['actors']).__name__}")
    issues = [i if isinstance(i, dict) else {"id": i} for i in doc["issues"]]
    if not all("id" in i for i in issues):
        raise BargainingInputError(f"{path}: every issue needs an 'id'")
    actors = doc["actors"]
    if not all(isinstance(a, dict) and "name" in a for a in actors):
        raise BargainingInputError(f"{path}: every actor needs a 'name'")
    for a in actors:
        for key in _PER_ISSUE:
            if a.get(key) is not None and not isinstance(a[key], dict):
                raise BargainingInputError(f"{path}: actor {a['name']}: {key} must map issue ids to values")
    scale = doc.get("scale", (0, 100))
    if not isinstance(scale, (list, tuple)) or len(scale) != 2:
        raise BargainingInputError(f"{path}: scale must be two numbers [low, high], got {scale!r}")
    return _build(actors, issues, [_float(v, f"{path}: scale") for v in scale])


def read_long_csv(path: str | Path) -> BargainingInputs:
    """detente's long CSV format: one row per actor and issue (see the module docstring)."""
    rows = list(csv.DictReader(_text(path).splitlines()))
    need = {"actor", "issue", "position", "salience"}
    if not rows or not need <= set(rows[0]):
        raise BargainingInputError(f"{path}: a detente CSV needs columns {sorted(need)}")
    actors: dict[str, dict] = {}
    issues: dict[str, dict] = {}
    for r in rows:
        a = actors.setdefault(r["actor"], {"name": r["actor"], "position": {}, "salience": {},
                                            "red_line": {}, "range": {}, "spread": {}})
        iss = issues.setdefault(r["issue"], {"id": r["issue"]})
        if r.get("reference") and "reference" not in iss:
            iss["reference"] = r["reference"]
        if r.get("capability") and "capability" not in a:
            a["capability"] = r["capability"]
        if r.get("veto"):
            a["veto"] = a.get("veto", False) or r["veto"].strip().lower() in ("1", "true", "yes")
        a["position"][r["issue"]], a["salience"][r["issue"]] = r["position"], r["salience"]
        if r.get("red_line"):
            a["red_line"][r["issue"]] = r["red_line"]
        if r.get("low") or r.get("high"):
            a["range"][r["issue"]] = (r.get("low") or r["position"], r.get("high") or r["position"])
        if r.get("sd"):
            a["spread"][r["issue"]] = r["sd"]
    return _build(list(actors.values()), list(issues.values()), (0, 100))


def read_bdm_csv(path: str | Path, issue: str = "issue") -> BargainingInputs:
    """BDM-style one-issue CSV (``Actor,Capability,Position,Salience``, salience 0–1)."""
    rows = list(csv.DictReader(_text(path).splitlines()))
    need = {"Actor", "Capability", "Position", "Salience"}
    if not rows or not need <= set(rows[0]):
        raise BargainingInputError(f"{path}: a BDM CSV needs columns {sorted(need)}")
    num = lambda k: np.array([_float(r[k], f"{path}: {r['Actor']} {k}") for r in rows])  # noqa: E731
    sal = num("Salience")
    if (sal > 1).any():
        raise BargainingInputError(f"{path}: BDM salience is a probability 0–1, got {sal.max():g}")
    return BargainingInputs(tuple(r["Actor"] for r in rows), (issue,), num("Capability"),
                            num("Position")[:, None], 100.0 * sal[:, None])


def read_inputs(path: str | Path, issue: str | None = None) -> BargainingInputs:
    """Pick the reader by extension (and, for CSV, by the header); every error names the file."""
    try:
        return _read_inputs(Path(path), issue)
    except BargainingInputError as e:
        if str(e).startswith(str(path)):
            raise
        raise BargainingInputError(f"{path}: {e}") from None


def _read_inputs(path: Path, issue: str | None) -> BargainingInputs:
    if not path.is_file():
        raise BargainingInputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        x = read_yaml(path)
    elif suffix == ".tsv":
        return read_deu_tsv(path, issue)
    else:
        first = _text(path).split("\n", 2)
        head = first[0].strip().lower()
        if head.startswith("actor,issue"):
            x = read_long_csv(path)
        elif head.startswith("actor,capability"):
            x = read_bdm_csv(path)
        else:
            x = read_ktab_csv(path)
    return x.issue(issue) if issue is not None else x
