// Draws each chart a page carries: the figure in <script type="application/json"
// data-chart="ID"> goes into the element ID; a bar, point or node whose customdata is a link
// opens it (a month's events, a node's quotations). One file for every page's charts.
(function () {
  document.querySelectorAll("script[data-chart]").forEach(function (data) {
    var figure = JSON.parse(data.textContent);
    var element = document.getElementById(data.getAttribute("data-chart"));
    Plotly.newPlot(element, figure.data, figure.layout, {displayModeBar: false});
    element.on("plotly_click", function (event) {
      var link = event.points[0].customdata;
      if (link) { window.location.href = link; }
    });
  });
})();
