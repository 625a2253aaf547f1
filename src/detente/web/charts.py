"""Plotly figures for the pages, as JSON for ``Plotly.newPlot`` (the page loads plotly.js locally).

Every text from an article goes through ``plain``: Plotly reads a little HTML in labels, so an
article's markup must reach the chart as text.
"""
from __future__ import annotations

import html
import json
import textwrap
import zlib
from collections.abc import Iterable, Sequence

import plotly.graph_objects as go

PALETTE = ("#c0392b", "#2471a3", "#7d3c98", "#d4ac0d", "#148f77", "#ca6f1e", "#1f618d", "#a93226",
           "#117a65", "#6c3483", "#b7950b", "#2e4053")
NO_PARTY_COLOR = "#7f8c8d"
LAYOUT = dict(margin=dict(l=50, r=20, t=40, b=40), template="plotly_white", height=420,
              legend=dict(orientation="h", y=-0.15))


def plain(text: str | None, width: int = 80) -> str:
    """Article text for a hover label: escaped, wrapped, no markup of its own."""
    lines = textwrap.wrap(text or "", width)[:6]
    return "<br>".join(html.escape(line) for line in lines)


def color(party: str, order: Sequence[str] = ()) -> str:
    """A party's colour: by its place among the case's parties (``order``, the codebook's), so each
    party keeps one colour on every chart and no negotiation's parties are written in here."""
    if not party or party == "NONE":
        return NO_PARTY_COLOR
    at = order.index(party) if party in order else len(order) + zlib.crc32(party.encode())
    return PALETTE[at % len(PALETTE)]


def party_order(codebook) -> list[str]:
    return [p.code for p in codebook.parties] if codebook else []


def as_json(fig: go.Figure) -> str:
    """Figure JSON that is safe inside a <script type="application/json"> element."""
    return fig.to_json().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def claims_timeline(claims: Iterable, series: Iterable = (), title: str = "", order: Sequence[str] = ()) -> go.Figure:
    """Claims with a position as points (hover: the sentence); position series as lines with bands."""
    fig = go.Figure()
    for s in series:
        xs = [p.date for p in s.points]
        fig.add_trace(go.Scatter(x=xs + xs[::-1], y=[p.high for p in s.points] + [p.low for p in s.points][::-1],
                                 fill="toself", line=dict(width=0), fillcolor=color(s.party, order), opacity=0.12,
                                 hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(x=xs, y=[p.position for p in s.points], mode="lines", name=f"{s.party} position",
                                 line=dict(color=color(s.party, order), shape="hv")))
    by_party: dict[str, list] = {}
    for c in claims:
        if c.position is not None and c.published is not None:
            by_party.setdefault(c.party, []).append(c)
    for party, found in sorted(by_party.items()):
        fig.add_trace(go.Scatter(
            x=[c.published for c in found], y=[c.position for c in found], mode="markers", name=f"{party} claims",
            marker=dict(color=color(party, order), size=9, symbol=["circle-open" if c.hedged else "circle" for c in found]),
            customdata=[[c.id] for c in found],
            hovertext=[f"#{c.id} {c.stance} ({c.source.type})<br>{plain(c.evidence)}" for c in found],
            hoverinfo="text"))
    fig.update_layout(title=title, yaxis=dict(range=[-5, 105], title="position (0–100)"), **LAYOUT)
    return fig


def rhetoric_vs_strikes(weeks: list, rhetoric: list[int], strikes: list[int], title: str = "") -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Bar(x=weeks, y=strikes, name="strikes (events)", marker_color="#922b21", opacity=0.7))
    fig.add_trace(go.Scatter(x=weeks, y=rhetoric, name="talks (claims and quotes)", mode="lines+markers",
                             yaxis="y2", line=dict(color="#1f618d")))
    fig.update_layout(title=title, yaxis=dict(title="strikes"), xaxis=dict(title="week"),
                      yaxis2=dict(title="talk", overlaying="y", side="right"), **LAYOUT)
    return fig


def talks_vs_war_figure(found) -> go.Figure:
    """The analysis' buckets: strikes and fighting as bars; meetings, progress and deadlock claims as lines."""
    xs = [b.start for b in found.buckets]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=xs, y=[b.strikes for b in found.buckets], name="strikes", marker_color="#922b21",
                         opacity=0.75))
    fig.add_trace(go.Bar(x=xs, y=[b.fighting for b in found.buckets], name="ground fighting", marker_color="#dc7633",
                         opacity=0.75))
    for label, attr, colour in (("meetings", "meetings", "#1f618d"), ("progress claims", "progress", "#1e8449"),
                                ("deadlock claims", "deadlock", "#7d3c98")):
        fig.add_trace(go.Scatter(x=xs, y=[getattr(b, attr) for b in found.buckets], name=label, mode="lines+markers",
                                 yaxis="y2", line=dict(color=colour)))
    for d in found.divergences:
        fig.add_vline(x=d.start, line=dict(color="#c0392b", dash="dot"))
    fig.update_layout(title=f"Talks against the war, per {found.freq}", barmode="stack",
                      yaxis=dict(title="strikes and fighting"), xaxis=dict(title=found.freq),
                      yaxis2=dict(title="talks", overlaying="y", side="right"), **LAYOUT)
    return fig


def strike_map(points: list[dict], landmarks: list[dict]) -> go.Figure:
    """Strike places on longitude/latitude axes (equal scale, no tiles): big cities as landmarks."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[p["lon"] for p in landmarks], y=[p["lat"] for p in landmarks], mode="markers+text",
                             text=[p["name"] for p in landmarks], textposition="top center", name="cities",
                             marker=dict(color="#bdc3c7", size=5), textfont=dict(color="#909497", size=10),
                             hoverinfo="text"))
    fig.add_trace(go.Scatter(
        x=[p["lon"] for p in points], y=[p["lat"] for p in points], mode="markers", name="strikes",
        marker=dict(color="#c0392b", size=[8 + 3 * min(p["count"], 6) for p in points], opacity=0.75),
        hovertext=[f"{html.escape(p['name'])}: {p['count']} strike(s)" for p in points], hoverinfo="text"))
    lons, lats = [p["lon"] for p in points] + [22, 40], [p["lat"] for p in points] + [44, 52.5]
    fig.update_layout(xaxis=dict(title="longitude", range=[min(lons) - 1, max(lons) + 1]),
                      yaxis=dict(title="latitude", range=[min(lats) - 1, max(lats) + 1], scaleanchor="x",
                                 scaleratio=1.5),
                      **{**LAYOUT, "height": 520})
    return fig


def positions_on_scales(rows: list[dict], issues: list, outcomes: dict | None = None,
                        zones: list[dict] | None = None, order: Sequence[str] = ()) -> go.Figure:
    """Each party's position on each issue's 0–100 scale; model outcomes as diamonds, a zone as a band."""
    fig = go.Figure()
    names = [i.name for i in issues]
    for party in sorted({r["party"] for r in rows}):
        mine = [r for r in rows if r["party"] == party]
        fig.add_trace(go.Scatter(x=[r["position"] for r in mine], y=[r["issue_name"] for r in mine], mode="markers",
                                 name=party, marker=dict(color=color(party, order), size=16, opacity=0.85),
                                 hovertext=[plain(r.get("label") or "") for r in mine], hoverinfo="text+x"))
    for zone in zones or ():
        fig.add_shape(type="rect", x0=zone["low"], x1=zone["high"], y0=zone["issue_name"], y1=zone["issue_name"],
                      line=dict(color="#27ae60", width=14), opacity=0.35)
    for model, points in (outcomes or {}).items():
        fig.add_trace(go.Scatter(x=[p["value"] for p in points], y=[p["issue_name"] for p in points],
                                 mode="markers", name=f"outcome: {model}",
                                 marker=dict(symbol="diamond-tall", size=9, line=dict(width=1, color="#17202a"))))
    fig.update_layout(xaxis=dict(range=[-3, 103], title="position on the issue's scale"),
                      yaxis=dict(categoryorder="array", categoryarray=names[::-1]),
                      **{**LAYOUT, "height": 140 + 34 * max(len(names), 1)})
    return fig


def dumps(data) -> str:
    return json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
