"""Where the talks stand, computed from the ledger: positions, shifts, leaks, talks against the war,
forecasts and the brief. Plain functions over an open ``Ledger`` returning pydantic records that cite
the claims and events behind every number; only interfaces print, serve or write files."""
from detente.analysis.brief import Brief, brief
from detente.analysis.forecast import Forecast, ScenarioResult, forecast, scenario
from detente.analysis.leaks import leaks
from detente.analysis.positions import UnknownFilterError, positions
from detente.analysis.records import ClaimRef, Leak, PositionPoint, PositionSeries, Shift
from detente.analysis.shifts import shifts
from detente.analysis.talks import TalksVsWar, talks_vs_war

__all__ = ["positions", "shifts", "leaks", "talks_vs_war", "forecast", "scenario", "brief", "Brief", "Forecast",
           "ScenarioResult", "TalksVsWar", "ClaimRef", "Leak", "PositionPoint", "PositionSeries", "Shift",
           "UnknownFilterError"]
