// Ads Manager reporting: the Reporting page's form and chart, and the figures of the lists.
// Plain JavaScript; the chart is drawn by Chart.js (a webjar), never by hand.
(function () {
  "use strict";
  if (window.sparkReporting) {
    return; // loaded again by a swapped-in partial
  }
  window.sparkReporting = true;

  var COLORS = ["#fe2c55", "#2457c5", "#0f8a5f", "#9a6100"];

  function format(kind, value) {
    if (kind === "PERCENT") {
      return value.toFixed(2) + "%";
    }
    if (kind === "MONEY" || kind === "RATIO") {
      return value.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
    }
    return value.toLocaleString("en-US");
  }

  // Axis ticks show small amounts with enough decimals to tell them apart.
  function tick(kind, value) {
    var text = Number(value).toLocaleString("en-US", {maximumFractionDigits: 3});
    return kind === "PERCENT" ? text + "%" : text;
  }

  function drawChart() {
    var canvas = document.getElementById("report-chart");
    var source = document.getElementById("report-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var twoAxes = data.series.some(function (s) { return s.axis === "y1"; });
    var kinds = {};
    data.series.forEach(function (s) { kinds[s.axis] = s.kind; });
    var scales = {
      x: {ticks: {maxTicksLimit: 12, autoSkip: true}},
      y: {beginAtZero: true, position: "left",
          ticks: {callback: function (v) { return tick(kinds.y, v); }}}
    };
    if (twoAxes) {
      scales.y1 = {beginAtZero: true, position: "right", grid: {drawOnChartArea: false},
                   ticks: {callback: function (v) { return tick(kinds.y1, v); }}};
    }
    var chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          // The second metric is drawn as bars on its own axis, so two lines never hide each other.
          var color = COLORS[i % COLORS.length];
          return s.axis === "y1"
              ? {type: "bar", label: s.label, data: s.values, yAxisID: s.axis, kind: s.kind, order: 2,
                 backgroundColor: color + "55", borderColor: color, borderWidth: 1}
              : {type: "line", label: s.label, data: s.values, yAxisID: s.axis, kind: s.kind, order: 1,
                 borderColor: color, backgroundColor: color, tension: 0,
                 pointRadius: data.labels.length > 60 ? 0 : 3};
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: {mode: "index", intersect: false},
        scales: scales,
        plugins: {
          legend: {position: "bottom"},
          tooltip: {callbacks: {label: function (item) {
            return item.dataset.label + ": " + format(item.dataset.kind, item.parsed.y);
          }}}
        }
      }
    });
    // Tests and people debugging look at the drawn chart here.
    window.sparkReportChart = chart;
  }

  // The Reporting form shows the report as soon as a choice changes; custom dates show their fields.
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("#report-form");
    if (!form) {
      return;
    }
    if (event.target.id === "report-range" && event.target.value === "custom") {
      form.querySelectorAll(".custom-date").forEach(function (field) {
        field.classList.remove("hidden");
        field.querySelector("input").disabled = false;
      });
    }
    if (event.target.name === "metrics") {
      return; // several columns are usually ticked at once: "Show report" applies them
    }
    form.requestSubmit();
  });

  // A list's figures answer a refused choice (an end before the start) with the reason in place:
  // let htmx show it instead of leaving the old figures.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var target = event.detail.target;
    if (xhr && xhr.status === 400 && target && target.hasAttribute("data-performance")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawChart);
  } else {
    drawChart();
  }
})();
