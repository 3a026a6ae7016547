// High contrast (the gov.br DS "alto contraste"): toggled by the header button, remembered in this browser.
// Loaded in <head> without defer, so a page is never painted in the normal colours first.
(function () {
  'use strict';
  var key = 'sispmpi-alto-contraste';
  var root = document.documentElement;

  try {
    if (window.localStorage.getItem(key) === '1') { root.classList.add('alto-contraste'); }
  } catch (e) { /* storage blocked: the normal colours */ }

  function mark(on) {
    document.querySelectorAll('[data-contrast-toggle]').forEach(function (button) {
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.setAttribute('title', on ? 'Desativar o alto contraste' : 'Alto contraste');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    mark(root.classList.contains('alto-contraste'));
    document.querySelectorAll('[data-contrast-toggle]').forEach(function (button) {
      button.addEventListener('click', function () {
        var on = root.classList.toggle('alto-contraste');
        try {
          if (on) { window.localStorage.setItem(key, '1'); } else { window.localStorage.removeItem(key); }
        } catch (e) { /* storage blocked: this page only */ }
        mark(on);
      });
    });
  });
})();
