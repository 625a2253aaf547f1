"""The chart shows every actor, every model's outcome and the ZOPA band or its absence."""
import numpy as np

from detente.bargaining.chart import bargaining_figure
from detente.bargaining.compromise import compromise
from detente.bargaining.inputs import AT_LEAST, AT_MOST
from detente.bargaining.zopa import zopa


def test_figure_layers(build):
    x = build([[10.0, 20.0], [90.0, 70.0]], capability=[1, 4],
              red_line=np.array([[40.0, 30.0], [20.0, 60.0]]),
              red_dir=np.array([[AT_MOST, AT_MOST], [AT_LEAST, AT_LEAST]]))
    fig = bargaining_figure(x, [compromise(x), zopa(x)])
    names = [t.name for t in fig.data]
    assert names == ["A", "B", "compromise outcome", "zopa outcome"]
    # the stronger actor gets the bigger marker
    assert max(fig.data[1].marker.size) > max(fig.data[0].marker.size)
    # issue 1 has a zone [20, 40]; issue 2 none (60 > 30) and says so
    assert [(s.y0, s.y1) for s in fig.layout.shapes] == [(20.0, 40.0)]
    assert [a.x for a in fig.layout.annotations] == [1]
