"""A Plotly figure of a bargaining situation: each actor's position per issue (marker area ~
capability × salience), each model's predicted outcome as a short line across the issue, and
the ZOPA as a shaded band. Builds the figure only; saving it is the caller's job."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from detente.bargaining.inputs import BargainingInputs
from detente.bargaining.results import ModelResult

HALF_WIDTH = 0.38
MAX_MARKER = 40.0


def _actor_traces(x: BargainingInputs) -> list[go.Scatter]:
    w = x.weights()
    size = 6 + MAX_MARKER * np.sqrt(w / w.max()) if w.max() > 0 else np.full(w.shape, 10.0)
    jitter = np.linspace(-0.2, 0.2, x.n_actors) if x.n_actors > 1 else np.zeros(1)
    traces = []
    for i, name in enumerate(x.actors):
        js = np.flatnonzero(x.present[i])
        traces.append(go.Scatter(
            x=js + jitter[i], y=x.position[i, js], mode="markers", name=name,
            marker={"size": size[i, js], "opacity": 0.6},
            customdata=np.stack([x.capability[i].repeat(js.size), x.salience[i, js]], axis=1),
            hovertemplate=f"{name}<br>position %{{y:.1f}}<br>capability %{{customdata[0]:.3g}}"
                          "<br>salience %{customdata[1]:.3g}<extra></extra>"))
    return traces


def _outcome_trace(r: ModelResult) -> go.Scatter:
    xs, ys = [], []
    for j, v in enumerate(r.outcome):
        if np.isfinite(v):
            xs += [j - HALF_WIDTH, j + HALF_WIDTH, None]
            ys += [v, v, None]
    return go.Scatter(x=xs, y=ys, mode="lines", name=f"{r.model} outcome", line={"width": 3})


def _zone_shapes(results: list[ModelResult]) -> list[dict]:
    shapes = []
    for r in results:
        if r.zone is None:
            continue
        for j, (lo, hi) in enumerate(r.zone):
            if np.isfinite(lo):
                shapes.append({"type": "rect", "x0": j - 0.45, "x1": j + 0.45, "y0": lo, "y1": hi,
                               "fillcolor": "green", "opacity": 0.12, "line": {"width": 0}, "layer": "below"})
    return shapes


def _deadlock_notes(results: list[ModelResult], top: float) -> list[dict]:
    """A 'no zone' label above each issue whose red lines leave no agreement."""
    notes = []
    for r in results:
        if r.zone is not None:
            notes += [{"x": j, "y": top, "text": "no ZOPA: deadlock", "showarrow": False,
                       "font": {"color": "firebrick"}} for j in np.flatnonzero(np.isnan(r.zone[:, 0]))]
    return notes


def bargaining_figure(x: BargainingInputs, results: list[ModelResult], title: str = "") -> go.Figure:
    """Positions, predicted outcomes and agreement zones on one chart, one column per issue."""
    fig = go.Figure(_actor_traces(x) + [_outcome_trace(r) for r in results])
    fig.update_layout(
        title=title or "Positions and predicted outcomes", shapes=_zone_shapes(results),
        annotations=_deadlock_notes(results, x.scale[1]),
        xaxis={"tickvals": list(range(x.n_issues)), "ticktext": list(x.issues), "title": "issue"},
        yaxis={"range": [x.scale[0] - 2, x.scale[1] + 2], "title": "position"},
        template="plotly_white")
    return fig
