// Draws every chart of a page: <div class="chart" data-figure="ID"> with its JSON in <script id="ID">.
(function () {
  function draw() {
    document.querySelectorAll("div.chart[data-figure]").forEach(function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) { return; }
      var fig = JSON.parse(source.textContent);
      Plotly.newPlot(el, fig.data, fig.layout, {responsive: true, displaylogo: false}).then(function () {
        el.dataset.drawn = "yes";
        if (el.dataset.link) {  // a point with a record id opens that record
          el.on("plotly_click", function (ev) {
            var cd = ev.points[0].customdata;
            if (cd && cd[0]) { window.location = el.dataset.link + cd[0]; }
          });
        }
      });
    });
    var mark = document.querySelector("mark.evidence");
    if (mark) { mark.scrollIntoView({block: "center"}); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
