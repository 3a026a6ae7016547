// Effectiveness indicators charts (Chart.js, served by the app). The data comes from the page as JSON in
// <script type="application/json" id="dados-dos-indicadores">; the same numbers are in the table below the
// charts, so the charts only add a picture.
(function () {
  'use strict';
  var source = document.getElementById('dados-dos-indicadores');
  if (!source || typeof Chart === 'undefined') { return; }
  var axes = JSON.parse(source.textContent);
  Chart.defaults.font.family = 'Rawline, Raleway, sans-serif';
  Chart.defaults.animation = false;
  var money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
  var number = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });
  var labels = axes.map(function (a) { return a.label; });
  function title(items) { return items.length > 0 ? axes[items[0].dataIndex].label + ' — ' + axes[items[0].dataIndex].title : ''; }

  function chart(id, config) {
    var canvas = document.getElementById(id);
    return canvas ? new Chart(canvas, config) : null;
  }

  chart('grafico-execucao-eixos', {
    type: 'bar',
    data: {
      labels: labels,
      datasets: [{
        label: '% de ações concluídas',
        data: axes.map(function (a) { return a.concluded; }),
        backgroundColor: '#168821', borderColor: '#0c5417', borderWidth: 1
      }]
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: title, label: function (ctx) {
          return ctx.raw === null ? 'Não se aplica' : number.format(ctx.raw) + '% concluídas';
        } } }
      },
      scales: { y: { beginAtZero: true, max: 100, ticks: { callback: function (v) { return v + '%'; } } } }
    }
  });

  chart('grafico-orcamento-eixos', {
    type: 'bar',
    data: {
      labels: labels,
      datasets: [
        { label: 'Previsto', data: axes.map(function (a) { return a.planned; }), backgroundColor: '#155bcb' },
        { label: 'Executado', data: axes.map(function (a) { return a.spent; }), backgroundColor: '#ffcd07', borderColor: '#8a6d00', borderWidth: 1 }
      ]
    },
    options: {
      plugins: {
        tooltip: { callbacks: { title: title, label: function (ctx) { return ctx.dataset.label + ': ' + money.format(ctx.raw); } } }
      },
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return money.format(v); } } } }
    }
  });
})();
