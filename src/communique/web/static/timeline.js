// Draws the timeline from the JSON the page carries; a bar links to the timeline of its month.
(function () {
  var figure = JSON.parse(document.getElementById("timeline-data").textContent);
  var element = document.getElementById("timeline");
  Plotly.newPlot(element, figure.data, figure.layout, {displayModeBar: false});
  element.on("plotly_click", function (event) {
    var link = event.points[0].customdata;
    if (link) { window.location.href = link; }
  });
})();
