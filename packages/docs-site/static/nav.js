/* Version switcher and Web/RTM cross-links of the reference site. Data: window.CCAPI_NAV (assets/nav-data.js). */
(function () {
  'use strict';
  var bar = document.getElementById('ccapi-bar');
  var nav = window.CCAPI_NAV;
  if (!bar || !nav) return;
  var page = bar.getAttribute('data-page');
  var version = bar.getAttribute('data-version');
  var data = version ? nav.pages[version] : null;
  var has = function (o, k) { return !!o && Object.prototype.hasOwnProperty.call(o, k); };

  /** The method, push or structure the reader is on, from the location hash. */
  function current() {
    if (!data) return null;
    var h;
    try { h = decodeURIComponent(location.hash || ''); } catch (e) { return null; }
    var m;
    if (page === 'web') {
      m = /^#\/(?:[^\/]+\/)?([A-Za-z0-9_.-]+)\/?$/.exec(h);
      return m && has(data.web, m[1]) ? m[1] : null;
    }
    if (page === 'rtm') {
      m = /^#(?:operation-[a-z]+-|message-|schema-)(.+)$/.exec(h);
      if (!m) return null;
      var name = m[1].replace(/-payload$/, '');
      if (has(data.rtm, name) || has(data.schemas, name)) return name;
      var base = name.replace(/_(request|response)$/, '');
      return has(data.rtm, base) ? base : null;
    }
    return null;
  }

  /** The URL of the same page in another version, on the same item when it exists there (renames followed). */
  function target(to) {
    var name = current();
    var there = name;
    var table = nav.renames[version] && nav.renames[version][to];
    if (name && table && has(table, name)) there = table[name];
    var p = nav.pages[to];
    var anchor = '';
    if (there && p) {
      if (page === 'web') anchor = p.web[there] || '';
      else anchor = p.rtm[there] || p.schemas[there] || '';
    }
    return '../' + to + '/' + page + '.html' + anchor;
  }

  function updateCross() {
    var link = document.getElementById('ccapi-cross');
    if (!link || !data) return;
    var name = current();
    var href = null;
    var label = '';
    if (page === 'web' && name && has(data.webToRtm, name)) {
      href = 'rtm.html' + data.rtm[data.webToRtm[name]];
      label = 'Same method over RTM: ' + data.webToRtm[name];
    } else if (page === 'rtm' && name && has(data.rtmToWeb, name)) {
      href = 'web.html' + data.web[data.rtmToWeb[name]];
      label = 'Same method over Web: ' + data.rtmToWeb[name];
    }
    if (href) {
      link.setAttribute('href', href);
      link.textContent = label;
      link.hidden = false;
    } else {
      link.hidden = true;
      link.setAttribute('href', '#');
    }
  }

  var select = document.getElementById('ccapi-version');
  if (select) {
    select.addEventListener('change', function () {
      if (select.value && select.value !== version) location.href = target(select.value);
    });
  }
  window.ccapiTarget = target;

  // Redoc's sidebar writes router paths ("/chats") as hrefs; on a static host they must be hash routes.
  if (page === 'web') {
    var fix = function () {
      var links = document.querySelectorAll('a[href^="/"]');
      for (var i = 0; i < links.length; i++) {
        var href = links[i].getAttribute('href');
        if (href && href.charAt(1) !== '/') links[i].setAttribute('href', '#' + href);
      }
    };
    fix();
    new MutationObserver(fix).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
  }

  var last = null;
  function tick() {
    if (location.hash !== last) {
      last = location.hash;
      updateCross();
    }
  }
  window.addEventListener('hashchange', tick);
  setInterval(tick, 300);
  tick();
})();
