/* Changelog filters (version, protocol, area, breaking only). Items stay in the page; filtering only hides them. */
(function () {
  'use strict';
  var form = document.getElementById('changelog-filters');
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('li.entry:not(.sub li)'));
  var top = items.filter(function (li) { return !li.parentElement.classList.contains('sub'); });
  var count = document.getElementById('changelog-count');
  var none = document.getElementById('changelog-none');

  function apply() {
    var version = form.elements.version.value;
    var protocol = form.elements.protocol.value;
    var area = form.elements.area.value;
    var breaking = form.elements.breaking.checked;
    var shown = 0;
    top.forEach(function (li) {
      var ok = (!version || li.getAttribute('data-version') === version) &&
        (!protocol || (' ' + li.getAttribute('data-protocols') + ' ').indexOf(' ' + protocol + ' ') >= 0) &&
        (!area || li.getAttribute('data-area') === area) &&
        (!breaking || li.getAttribute('data-breaking') === '1');
      li.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.changelog .area'), function (div) {
      div.hidden = !div.querySelector('li.entry:not([hidden])');
    });
    Array.prototype.forEach.call(document.querySelectorAll('.changelog section.version'), function (sec) {
      sec.hidden = !!version && sec.getAttribute('data-version') !== version;
    });
    if (count) count.textContent = shown === top.length ? top.length + ' changes' : shown + ' of ' + top.length + ' changes';
    if (none) none.hidden = shown > 0;
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });

  // A link to one item always shows it, whatever the filters say.
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var el = id && document.getElementById(id);
    if (!el || !el.closest) return;
    var hidden = el.closest('[hidden]');
    if (hidden) {
      form.reset();
      apply();
      el.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);
  apply();
})();
