// Transparency portal charts (Chart.js, served by the app). The data comes from the page as JSON in
// <script type="application/json" id="dados-da-transparencia">; every chart is also given as a table on the page,
// so the charts only add a picture.
(function () {
  'use strict';
  var source = document.getElementById('dados-da-transparencia');
  if (!source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var colours = {
    white: '#f8f8f8', green: '#168821', yellow: '#ffcd07', red: '#e52207', blue: '#155bcb', grey: '#888888'
  };
  var statusColours = ['#adadad', '#155bcb', '#168821', '#8a5a00'];
  Chart.defaults.font.family = 'Rawline, Raleway, sans-serif';
  Chart.defaults.animation = false;

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { return new Chart(canvas, config); }
    return null;
  }

  chart('grafico-situacao', {
    type: 'doughnut',
    data: {
      labels: data.status.map(function (s) { return s.label; }),
      datasets: [{ data: data.status.map(function (s) { return s.value; }), backgroundColor: statusColours, borderColor: '#fff' }]
    },
    options: { plugins: { legend: { position: 'right' } } }
  });

  chart('grafico-farol', {
    type: 'bar',
    data: {
      labels: data.lights.map(function (l) { return l.label; }),
      datasets: [{
        label: 'Ações',
        data: data.lights.map(function (l) { return l.value; }),
        backgroundColor: data.lights.map(function (l) { return colours[l.light]; }),
        borderColor: '#555', borderWidth: 1
      }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  chart('grafico-eixos', {
    type: 'bar',
    data: {
      labels: data.axes.map(function (a) { return a.label.length > 50 ? a.label.slice(0, 47) + '…' : a.label; }),
      datasets: [{ label: 'Progresso (%)', data: data.axes.map(function (a) { return a.value; }), backgroundColor: '#1351b4' }]
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, max: 100, ticks: { callback: function (v) { return v + '%'; } } } }
    }
  });
})();
