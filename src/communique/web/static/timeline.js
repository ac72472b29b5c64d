// Draws the timeline from the JSON the page carries; a point links to its event page.
(function () {
  var figure = JSON.parse(document.getElementById("timeline-data").textContent);
  var element = document.getElementById("timeline");
  Plotly.newPlot(element, figure.data, figure.layout, {displayModeBar: false});
  element.on("plotly_click", function (event) {
    var id = event.points[0].customdata;
    if (id) { window.location.href = "/events/" + id; }
  });
})();
