// Draws the actor network from the JSON the page carries; a node links to its events or quotes.
(function () {
  var figure = JSON.parse(document.getElementById("network-data").textContent);
  var element = document.getElementById("network");
  Plotly.newPlot(element, figure.data, figure.layout, {displayModeBar: false});
  element.on("plotly_click", function (event) {
    var link = event.points[0].customdata;
    if (link) { window.location.href = link; }
  });
})();
