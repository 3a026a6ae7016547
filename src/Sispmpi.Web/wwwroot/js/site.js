// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // The gov.br DS pagination marks page 1 as current on load; put aria-current back on the real page.
  document.querySelectorAll('.br-pagination .page').forEach(function (page) {
    if (page.classList.contains('active')) { page.setAttribute('aria-current', 'page'); } else { page.removeAttribute('aria-current'); }
  });

  // gov.br DS 3.7 marks the side menu as an ARIA tree it does not complete (axe: aria-required-children,
  // aria-required-parent, listitem). It is site navigation: plain links, the folder header as a disclosure.
  document.querySelectorAll('.br-menu .menu-body').forEach(function (body) {
    body.removeAttribute('role');
    body.querySelectorAll('[role="tree"], [role="treeitem"], [role="group"]').forEach(function (el) { el.removeAttribute('role'); });
    body.querySelectorAll('.menu-folder > a.menu-item').forEach(function (toggle) {
      toggle.setAttribute('role', 'button');
      toggle.removeAttribute('aria-haspopup');
      // The folder holding the current page starts open, so the current entry is visible.
      if (toggle.parentNode.querySelector('[aria-current="page"]')) {
        toggle.parentNode.classList.add('active');
        toggle.setAttribute('aria-expanded', 'true');
      }
    });
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
