// Monitoring dashboard charts (Chart.js, served by the app). The data comes from the page as JSON in
// <script type="application/json" id="dados-do-painel">; every chart is also given as a table on the page,
// so the charts only add a picture. Clicking a bar or slice opens the list of actions behind it.
(function () {
  'use strict';
  var source = document.getElementById('dados-do-painel');
  if (!source || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var colours = {
    white: '#f8f8f8', green: '#168821', yellow: '#ffcd07', red: '#e52207', blue: '#155bcb', grey: '#888888'
  };
  var statusColours = ['#adadad', '#155bcb', '#168821', '#8a5a00'];
  Chart.defaults.font.family = 'Rawline, Raleway, sans-serif';
  Chart.defaults.animation = false;

  function follow(items) {
    return function (event, elements) {
      if (elements.length > 0) { window.location.href = items[elements[0].index].url; }
    };
  }

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
    options: { onClick: follow(data.status), plugins: { legend: { position: 'right' } } }
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
    options: { onClick: follow(data.lights), plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  var day = 24 * 60 * 60 * 1000;
  function time(text) { return Date.parse(text + 'T00:00:00Z'); }
  function dateLabel(value) {
    var d = new Date(value);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return pad(d.getUTCDate()) + '/' + pad(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear();
  }
  var timeline = data.timeline;
  var wrapper = document.querySelector('.sispmpi-timeline');
  if (wrapper) { wrapper.style.height = Math.max(200, timeline.length * 22 + 60) + 'px'; }
  var today = time(data.today);
  chart('grafico-cronograma', {
    type: 'bar',
    data: {
      labels: timeline.map(function (t) { return t.label.length > 60 ? t.label.slice(0, 57) + '…' : t.label; }),
      datasets: [{
        label: 'Período previsto',
        data: timeline.map(function (t) { return [time(t.start), time(t.end) + day]; }),
        backgroundColor: timeline.map(function (t) { return colours[t.light]; }),
        borderColor: '#555', borderWidth: 1, borderSkipped: false
      }]
    },
    options: {
      indexAxis: 'y', maintainAspectRatio: false, onClick: follow(timeline),
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (ctx) {
          var t = timeline[ctx.dataIndex];
          return t ? dateLabel(time(t.start)) + ' a ' + dateLabel(time(t.end)) : '';
        } } }
      },
      scales: { x: { type: 'linear', ticks: { callback: dateLabel, maxTicksLimit: 8 } } }
    },
    plugins: [{
      id: 'hoje',
      afterDatasetsDraw: function (c) {
        var x = c.scales.x.getPixelForValue(today);
        var ctx = c.ctx;
        ctx.save();
        ctx.strokeStyle = '#e52207';
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, c.chartArea.top);
        ctx.lineTo(x, c.chartArea.bottom);
        ctx.stroke();
        ctx.restore();
      }
    }]
  });
})();
