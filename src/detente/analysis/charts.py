"""Plotly charts of the analysis: positions over time per issue, talks against strikes.

Builds HTML (Plotly's library inlined, so the page works offline); writing it is the interface's job.
"""
from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from detente.analysis.records import PositionSeries
from detente.analysis.talks import TalksVsWar


def positions_figure(series: list[PositionSeries]) -> go.Figure:
    """One panel per issue: each party's position in force with its band, the day's claims as points."""
    issues = list(dict.fromkeys(s.issue for s in series))
    fig = make_subplots(rows=max(len(issues), 1), cols=1, shared_xaxes=True,
                        subplot_titles=[next(s.issue_name for s in series if s.issue == i) for i in issues])
    for row, issue in enumerate(issues, start=1):
        for s in (s for s in series if s.issue == issue):
            dates = [p.date for p in s.points]
            fig.add_trace(go.Scatter(x=dates + dates[::-1], y=[p.high for p in s.points] + [p.low for p in s.points][::-1],
                                     fill="toself", opacity=0.15, line={"width": 0}, showlegend=False,
                                     legendgroup=s.party, hoverinfo="skip", name=f"{s.party} band"), row=row, col=1)
            fig.add_trace(go.Scatter(x=dates, y=[p.position for p in s.points], mode="lines", name=s.party,
                                     legendgroup=s.party, showlegend=row == 1, line={"shape": "hv"}), row=row, col=1)
            fig.add_trace(go.Scatter(
                x=dates, y=[p.observed for p in s.points], mode="markers", legendgroup=s.party, showlegend=False,
                name=f"{s.party} claims", marker={"size": [6 + 4 * min(p.weight, 3) for p in s.points]},
                text=[f"{s.party} said {p.observed:g}; claims " + ", ".join(f"#{i}" for i in p.claim_ids[:8])
                      for p in s.points], hoverinfo="text"), row=row, col=1)
        fig.update_yaxes(range=[0, 100], row=row, col=1)
    fig.update_layout(height=260 * max(len(issues), 1), title="Positions over time (0–100, the codebook's scale)")
    return fig


def talks_figure(talks: TalksVsWar) -> go.Figure:
    """Strikes and fighting as bars, the balance of progress over deadlock claims as a line."""
    starts = [b.start for b in talks.buckets]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Bar(x=starts, y=[b.strikes for b in talks.buckets], name="strikes",
                         text=[", ".join(b.places[:6]) for b in talks.buckets], hoverinfo="x+y+text"))
    fig.add_trace(go.Bar(x=starts, y=[b.fighting for b in talks.buckets], name="ground fighting"))
    fig.add_trace(go.Scatter(x=starts, y=[b.progress - b.deadlock for b in talks.buckets], mode="lines+markers",
                             name="progress minus deadlock claims"), secondary_y=True)
    fig.add_trace(go.Scatter(x=starts, y=[b.meetings for b in talks.buckets], mode="markers", name="meetings",
                             marker={"symbol": "diamond", "size": 10}), secondary_y=True)
    fig.update_layout(barmode="stack", title=f"Talks against the war, per {talks.freq}")
    return fig


def html(fig: go.Figure) -> str:
    return fig.to_html(include_plotlyjs=True, full_html=True)
