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

// Formatted text: a toolbar over each textarea[data-formatted] that writes the small Markdown the server renders
// (FormattedText): **negrito**, *itálico*, "- " and "1. " lists, [texto](https://…) links.
(function () {
  'use strict';
  var tools = [
    { name: 'negrito', label: 'Negrito', icon: 'fa-bold', wrap: '**' },
    { name: 'italico', label: 'Itálico', icon: 'fa-italic', wrap: '*' },
    { name: 'lista', label: 'Lista com marcadores', icon: 'fa-list-ul', prefix: function () { return '- '; } },
    { name: 'lista-numerada', label: 'Lista numerada', icon: 'fa-list-ol', prefix: function (i) { return (i + 1) + '. '; } },
    { name: 'link', label: 'Link', icon: 'fa-link', link: true }
  ];

  function changed(area) { area.dispatchEvent(new Event('input', { bubbles: true })); }

  function wrap(area, marker) {
    var start = area.selectionStart, end = area.selectionEnd;
    var text = area.value.slice(start, end) || 'texto';
    area.setRangeText(marker + text + marker, start, end, 'end');
    area.setSelectionRange(start + marker.length, start + marker.length + text.length);
  }

  function prefix(area, make) {
    var value = area.value;
    var start = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    var end = value.indexOf('\n', area.selectionEnd);
    if (end < 0) { end = value.length; }
    var n = 0;
    var lines = value.slice(start, end).split('\n').map(function (line) {
      return line.trim() === '' ? line : make(n++) + line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    });
    var block = lines.join('\n');
    // A list needs a blank line before it when it follows a paragraph.
    var before = start > 0 && value.slice(0, start).trim() !== '' && !/\n\s*\n$/.test(value.slice(0, start)) ? '\n' : '';
    area.setRangeText(before + block, start, end, 'select');
  }

  function link(area) {
    var address = window.prompt('Endereço do link (começando com https://):', 'https://');
    if (!address || !/^(https?:\/\/|mailto:)\S+$/i.test(address.trim())) { return; }
    var start = area.selectionStart, end = area.selectionEnd;
    var text = area.value.slice(start, end) || address.trim();
    area.setRangeText('[' + text + '](' + address.trim() + ')', start, end, 'end');
  }

  document.querySelectorAll('textarea[data-formatted]').forEach(function (area) {
    var bar = document.createElement('div');
    bar.className = 'sispmpi-format-bar';
    bar.setAttribute('role', 'group');
    var label = area.id ? document.querySelector('label[for="' + area.id + '"]') : null;
    bar.setAttribute('aria-label', 'Formatação' + (label ? ' de ' + label.textContent.replace('*', '').trim() : ''));
    tools.forEach(function (tool) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'br-button circle small';
      button.setAttribute('aria-label', tool.label);
      button.title = tool.label;
      button.setAttribute('data-format', tool.name);
      var icon = document.createElement('i');
      icon.className = 'fas ' + tool.icon;
      icon.setAttribute('aria-hidden', 'true');
      button.appendChild(icon);
      button.addEventListener('click', function () {
        area.focus();
        if (tool.wrap) { wrap(area, tool.wrap); } else if (tool.prefix) { prefix(area, tool.prefix); } else { link(area); }
        changed(area);
      });
      bar.appendChild(button);
    });
    area.parentNode.insertBefore(bar, area);
  });
})();
