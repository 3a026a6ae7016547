// Network panel charts (Chart.js, served by the app). The data comes from the page as JSON in
// <script type="application/json" id="dados-da-rede">; each chart is also a table on the page.
(function () {
  'use strict';
  var source = document.getElementById('dados-da-rede');
  if (!source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  Chart.defaults.font.family = 'Rawline, Raleway, sans-serif';
  Chart.defaults.animation = false;

  function chart(id, config) {
    var canvas = document.getElementById(id);
    return canvas ? new Chart(canvas, config) : null;
  }

  function series(label, key, colour) {
    return { label: label, data: data.byKind.map(function (k) { return k[key]; }), backgroundColor: colour };
  }

  chart('grafico-natureza', {
    type: 'bar',
    data: {
      labels: data.byKind.map(function (k) { return k.label; }),
      datasets: [
        series('Publicado', 'published', '#168821'),
        series('Em elaboração', 'inPreparation', '#155bcb'),
        series('Não iniciado', 'notStarted', '#ffcd07'),
        series('Sem plano', 'noPlan', '#adadad')
      ]
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }
  });

  chart('grafico-tendencia', {
    type: 'line',
    data: {
      labels: data.trend.map(function (m) { return m.label; }),
      datasets: [
        { label: 'Planos publicados', data: data.trend.map(function (m) { return m.plans; }), borderColor: '#155bcb', backgroundColor: '#155bcb', yAxisID: 'plans' },
        { label: 'Ações concluídas', data: data.trend.map(function (m) { return m.actions; }), borderColor: '#168821', backgroundColor: '#168821', yAxisID: 'actions' }
      ]
    },
    options: {
      scales: {
        plans: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Planos' } },
        actions: { type: 'linear', position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: 'Ações' } }
      }
    }
  });
})();
