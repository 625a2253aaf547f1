"""The brief: one page saying where the talks stand, every statement with the claims or events behind it.

Per issue, each party's current position and its trend (the move over ``TREND_DAYS`` up to the
brief's date), the forecast's compromise point, zone of agreement and deadlock probability; the
latest shifts; the leaks still unconfirmed; talks against the war for the last weeks. Rendered as
Markdown (terminals render it too) or HTML; the data is the ``Brief`` record.
"""
from __future__ import annotations

import bisect
import datetime as dt
import html

from pydantic import BaseModel, Field

from detente.analysis.forecast import IssueForecast, forecast
from detente.analysis.groups import days
from detente.analysis.leaks import leaks
from detente.analysis.positions import by_pair, codebook_of, walk
from detente.analysis.records import Leak, PositionSeries, Shift
from detente.analysis.shifts import shifts
from detente.analysis.talks import Bucket, Divergence, talks_vs_war
from detente.codebook import Codebook
from detente.wording import plural, points

TREND_DAYS = 30
LATEST = 8
WEEKS = 6
BRIEF_DRAWS = 300


class PartyLine(BaseModel):
    party: str
    position: float
    low: float
    high: float
    since: dt.date
    trend: float | None = Field(None, description=f"change over the last {TREND_DAYS} days, or since the "
                                                 "party first took a position on the issue if that is later")
    trend_from: dt.date | None = Field(None, description="the day the trend is measured from")
    claim_ids: list[int]


class IssueBrief(BaseModel):
    issue: str
    name: str
    scale: str
    parties: list[PartyLine]
    forecast: IssueForecast | None = None


class Brief(BaseModel):
    date: dt.date
    issues: list[IssueBrief]
    shifts: list[Shift]
    leaks: list[Leak]
    talks: list[Bucket]
    divergences: list[Divergence]
    ledger_hash: str | None = None

    def render(self, fmt: str = "markdown") -> str:
        """The page as ``markdown``, ``text`` or ``html``."""
        renderers = {"markdown": markdown, "text": text, "html": to_html}
        if fmt not in renderers:
            raise ValueError(f"unknown brief format {fmt!r}; use {', '.join(renderers)}")
        return renderers[fmt](self)


def brief(ledger, *, date: dt.date | None = None, codebook: Codebook | None = None) -> Brief:
    cb = codebook_of(ledger, codebook)
    rows = days(ledger, cb, until=date)   # read once, shared by positions, shifts and leaks
    tracks = {key: walk(items) for key, items in by_pair(rows)}
    current = {key: t.point(len(t) - 1) for key, t in tracks.items()}
    series = [PositionSeries(party=p, issue=i, issue_name=cb.issue(i).name, points=[pt], current=pt,
                             claim_ids=pt.claim_ids) for (p, i), pt in current.items()]
    # the newest article, not the newest position: a week of strikes after the last claim is news too
    day = date or ledger.last_published() or max((pt.date for pt in current.values()), default=dt.date.today())
    f = forecast(ledger, date=day, draws=BRIEF_DRAWS, codebook=cb, series=series)
    by_issue = {i.issue: i for i in f.issues}
    issues = []
    for issue in cb.issues:
        lines = []
        for (party, _), pt in ((k, v) for k, v in current.items() if k[1] == issue.id):
            t = tracks[(party, issue.id)]
            k = _trend_start(t.days, day, pt.date)
            trend = round(pt.position - t.after_mean(k), 1) if k is not None else None
            lines.append(PartyLine(party=party, position=pt.position, low=pt.low, high=pt.high, since=pt.date,
                                   trend=trend, trend_from=t.days[k] if k is not None else None,
                                   claim_ids=pt.claim_ids))
        if lines:
            lines.sort(key=lambda line: (line.party not in cb.belligerents, line.party))
            issues.append(IssueBrief(issue=issue.id, name=issue.name, scale=issue.scale_meaning, parties=lines,
                                     forecast=by_issue.get(issue.id)))
    found = shifts(ledger, until=date, codebook=cb, latest=LATEST, rows=rows)[::-1]
    open_leaks = leaks(ledger, status="unconfirmed", until=date, codebook=cb, limit=LATEST, rows=rows)
    talks = talks_vs_war(ledger, until=day, codebook=cb)
    return Brief(date=day, issues=issues, shifts=found, leaks=open_leaks, talks=talks.buckets[-WEEKS:],
                 divergences=talks.divergences[-3:], ledger_hash=f.ledger_hash)


def _trend_start(days: list[dt.date], day: dt.date, since: dt.date) -> int | None:
    """The day a trend is read from: the last one ``TREND_DAYS`` before ``day``, or, for a party
    that first spoke on the issue within that window, its first day, so that a demand raised
    three weeks ago and hardened since reads "+42 since …", not "new". None: one day only."""
    k = bisect.bisect_right(days, day - dt.timedelta(days=TREND_DAYS))
    if k:
        return k - 1
    return 0 if days and days[0] < since else None


def _cite(ids: list[int], kind: str = "claim") -> str:
    shown = ", ".join(f"#{i}" for i in ids[:6]) + (" …" if len(ids) > 6 else "")
    return f"[{kind} {shown}]" if ids else ""


def _trend(t: float | None, since: dt.date | None = None) -> str:
    if t is None:
        return "new"
    return ("steady" if abs(t) < 1 else f"{t:+.0f}") + (f" since {since}" if since else "")


def markdown(b: Brief) -> str:
    """The brief as Markdown; ``[claim #id]`` cites the ledger (``detente claims``/``history``)."""
    out = [f"# Where the talks stand, {b.date}", ""]
    out += ["## Positions by issue (0–100, the codebook's scale)", ""]
    for i in b.issues:
        out.append(f"### {i.name}  ")
        out.append(f"*{i.scale}*  ")
        for p in i.parties:
            out.append(f"- **{p.party}** at {points(p.position)} (band {points(p.low)}–{points(p.high)}), since {p.since}, "
                       f"trend {_trend(p.trend, p.trend_from)} {_cite(p.claim_ids)}")
        f = i.forecast
        if f:
            zone = (f"zone of agreement {points(f.zone[0])}–{points(f.zone[1])}" if f.zone else
                    "no zone of agreement" if f.deadlock is not None else "zone unknown (one side silent)")
            dead = f", deadlock probability {f.deadlock:.0%}" if f.deadlock is not None else ""
            mid = f.outcomes.get("compromise")
            spread = f" (90% {points(f.low)}–{points(f.high)})" if f.low is not None and f.high is not None else ""
            out.append(f"- forecast: compromise {points(mid) if mid is not None else 'unknown'}{spread}; {zone}{dead}")
        out.append("")
    out += ["## Latest shifts", ""]
    for s in b.shifts:
        before = f"; before: “{_short(s.before.evidence)}” ({s.before.date}, {s.before.source_type}) [claim #{s.before.id}]" \
            if s.before else ""
        out.append(f"- {s.date} **{s.party}** {s.issue}: {s.kind.replace('_', ' ')} ({s.move()}), {s.status}: "
                   f"“{_short(s.after.evidence)}” ({s.after.source_type}) [claim #{s.after.id}]{before}")
    if not b.shifts:
        out.append("- none")
    out += ["", "## Open leaks (unconfirmed)", ""]
    for k in b.leaks:
        out.append(f"- {k.reported} **{k.party}** {k.issue} at {points(k.claim.position)}: “{_short(k.claim.evidence)}” "
                   f"({k.claim.source_type}{', hedged' if k.claim.hedged else ''}) [claim #{k.claim.id}]")
    if not b.leaks:
        out.append("- none")
    out += ["", "## Talks against the war", ""]
    for t in b.talks:
        tone = ", ".join(f"{p} {points(v)}" for p, v in sorted(t.tone.items()))
        out.append(f"- week of {t.start}: {plural(t.meetings, 'meeting')}, {t.progress} progress / {t.deadlock} "
                   f"deadlock {'claim' if t.progress + t.deadlock == 1 else 'claims'}"
                   f"{' (' + tone + ')' if tone else ''}; {plural(t.strikes, 'strike')}, {t.fighting} fighting"
                   f"{' in ' + ', '.join(t.places[:6]) if t.places else ''} {_cite(t.event_ids, 'event')}")
    for d in b.divergences:
        out.append(f"- **divergence**, week of {d.start}: {d.text} {_cite(d.claim_ids)} {_cite(d.event_ids, 'event')}")
    return "\n".join(out) + "\n"


def text(b: Brief) -> str:
    """Plain text (no Markdown marks) for logs and pipes."""
    return markdown(b).replace("**", "").replace("### ", "").replace("## ", "").replace("# ", "")


def to_html(b: Brief) -> str:
    """A standalone HTML page of the brief (lists and headings; every text escaped)."""
    body = []
    for line in markdown(b).splitlines():
        esc = html.escape(line)
        if line.startswith("### "):
            body.append(f"<h3>{esc[4:].strip()}</h3>")
        elif line.startswith("## "):
            body.append(f"<h2>{esc[3:]}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{esc[2:]}</h1>")
        elif line.startswith("- "):
            body.append(f"<li>{_bold(esc[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{_bold(esc)}</p>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>detente brief</title></head><body>"
            + "\n".join(body) + "</body></html>\n")


def _bold(s: str) -> str:
    parts = s.split("**")
    return "".join(f"<b>{p}</b>" if k % 2 else p for k, p in enumerate(parts))


def _short(s: str, n: int = 140) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
