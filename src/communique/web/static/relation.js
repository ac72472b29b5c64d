// Draws a relationship's chart from the JSON the page carries; a bar or a point of the balance
// line opens the events behind it.
(function () {
  var figure = JSON.parse(document.getElementById("relation-data").textContent);
  var element = document.getElementById("relation");
  Plotly.newPlot(element, figure.data, figure.layout, {displayModeBar: false});
  element.on("plotly_click", function (event) {
    var link = event.points[0].customdata;
    if (link) { window.location.href = link; }
  });
})();
