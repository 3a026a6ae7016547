// Maturity comparison radar (Chart.js, served by the app). The data comes from the page as JSON in
// <script type="application/json" id="dados-da-maturidade">; the same numbers are in the table next to the chart,
// so the chart only adds a picture. A dimension without score (not answered, or not in the cycle's model version) is a
// gap: the line is broken there rather than drawn across the missing point.
(function () {
  'use strict';
  var source = document.getElementById('dados-da-maturidade');
  var canvas = document.getElementById('grafico-maturidade');
  if (!source || !canvas || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  // Submitted cycles in blues, the newest darkest; the open cycle dashed, in orange.
  var colours = ['#8fb1e6', '#4a84e0', '#0c326f'];
  var open = '#c05600';
  Chart.defaults.font.family = 'Rawline, Raleway, sans-serif';
  Chart.defaults.animation = false;

  function score(value) {
    return value === null || value === undefined
      ? '—'
      : Number(value).toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  // Long dimension titles are broken into lines of about 22 characters.
  function lines(text) {
    var words = String(text).split(' ');
    var result = [];
    var line = '';
    words.forEach(function (word) {
      if (line.length > 0 && (line + ' ' + word).length > 22) { result.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) { result.push(line); }
    return result;
  }

  var submitted = data.datasets.filter(function (d) { return !d.open; }).length;
  var index = 0;
  var datasets = data.datasets.map(function (d) {
    var colour = d.open ? open : colours[Math.max(0, colours.length - submitted + index++)];
    return {
      label: d.label,
      data: d.data,
      borderColor: colour,
      backgroundColor: colour + '22',
      pointBackgroundColor: colour,
      borderDash: d.open ? [6, 4] : [],
      borderWidth: 2,
      spanGaps: false
    };
  });

  new Chart(canvas, {
    type: 'radar',
    data: { labels: data.labels.map(lines), datasets: datasets },
    options: {
      scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: 'transparent' }, pointLabels: { font: { size: 11 } } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: function (items) { return items.length ? data.labels[items[0].dataIndex] : ''; },
            label: function (ctx) { return ctx.dataset.label + ': ' + score(ctx.raw); }
          }
        }
      }
    }
  });
})();
