// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // The gov.br DS pagination marks page 1 as current on load; put aria-current back on the real page.
  document.querySelectorAll('.br-pagination .page').forEach(function (page) {
    if (page.classList.contains('active')) { page.setAttribute('aria-current', 'page'); } else { page.removeAttribute('aria-current'); }
  });

  // Destructive actions ask first: <button data-confirm="Excluir a unidade X?">.
  document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // The organization switcher submits as soon as another organization is chosen.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // A long operation shows its progress: the button that started it is disabled and marked busy.
  document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) { return; }
    var submitter = event.submitter;
    if (submitter && submitter.classList.contains('br-button')) {
      submitter.classList.add('loading');
      submitter.setAttribute('aria-busy', 'true');
    }
  });
})();
