// Trend Discovery: the small trend line of each board row, a trend's daily chart, and the
// audience bars. Plain JavaScript; lines are drawn by Chart.js (a webjar). Data comes from the
// elements' data- attributes (no inline script: the Content-Security-Policy refuses it).
(function () {
  "use strict";

  function numbers(text) {
    return (text || "").split(",").map(function (v) { return v === "" ? null : Number(v); });
  }

  function sparkline(canvas) {
    var views = numbers(canvas.dataset.views);
    return new window.Chart(canvas, {
      type: "line",
      data: {
        labels: (canvas.dataset.dates || "").split(","),
        datasets: [{ data: views, borderColor: "#fe2c55", borderWidth: 1.5, pointRadius: 0, fill: false, tension: 0.3 }]
      },
      options: {
        animation: false, responsive: false, events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } }
      }
    });
  }

  function dailyChart(canvas) {
    return new window.Chart(canvas, {
      data: {
        labels: (canvas.dataset.dates || "").split(","),
        datasets: [
          { type: "bar", label: "Organic views", data: numbers(canvas.dataset.views), backgroundColor: "rgba(254, 44, 85, 0.55)", yAxisID: "views" },
          { type: "line", label: "Rank that day", data: numbers(canvas.dataset.ranks), borderColor: "#1c3f8f", backgroundColor: "#1c3f8f", spanGaps: false, yAxisID: "rank" }
        ]
      },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: {
          views: { position: "left", beginAtZero: true, title: { display: true, text: "Views" } },
          rank: { position: "right", reverse: true, min: 1, suggestedMax: 10, ticks: { precision: 0 },
                  grid: { drawOnChartArea: false }, title: { display: true, text: "Rank" } }
        }
      }
    });
  }

  function start() {
    document.querySelectorAll(".share-fill[data-percent]").forEach(function (bar) {
      bar.style.width = bar.dataset.percent + "%";
    });
    if (!window.Chart) {
      return;
    }
    var lines = [];
    document.querySelectorAll("canvas.trend-line").forEach(function (canvas) { lines.push(sparkline(canvas)); });
    var daily = document.getElementById("trend-chart");
    // Tests and people debugging look at the drawn charts here.
    window.sparkTrendLines = lines;
    window.sparkTrendChart = daily ? dailyChart(daily) : null;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
