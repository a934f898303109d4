/*
 * The small interactive layer of the static reference: version menu (same item in another version, renames
 * followed, a notice when it is missing there), Web/RTM cross-link, copy buttons, and the offline search
 * (assets/search-index.js, loaded on first use). Data: window.CCAPI_NAV (assets/nav-data.js).
 */
(function () {
  'use strict';
  var bar = document.getElementById('ccapi-bar');
  var nav = window.CCAPI_NAV;
  if (!bar) return;
  var page = bar.getAttribute('data-page');
  var version = bar.getAttribute('data-version');
  var root = bar.getAttribute('data-root') || '';
  var data = nav && version ? nav.pages[version] : null;
  var has = function (o, k) { return !!o && Object.prototype.hasOwnProperty.call(o, k); };

  function hash() {
    try { return decodeURIComponent(location.hash || ''); } catch (e) { return ''; }
  }

  /** The method, push or structure (and field) the reader is on, from the location hash. */
  function current() {
    if (!data) return null;
    var h = hash();
    var m;
    if (page === 'web') {
      m = /^#\/(?:[^\/]+\/)?([A-Za-z0-9_.-]+)\/?$/.exec(h);
      return m && has(data.web, m[1]) ? { name: m[1] } : null;
    }
    if (page === 'rtm') {
      m = /^#operation-[a-z]+-(.+)$/.exec(h);
      return m && has(data.rtm, m[1]) ? { name: m[1] } : null;
    }
    if (page === 'structures') {
      m = /^#schema-([^.]+)(?:\.(.+))?$/.exec(h);
      return m && has(data.schemas, m[1]) ? { name: m[1], field: m[2] || null } : null;
    }
    return null;
  }

  /** The URL of the same page in another version, on the same item when it exists there (renames followed). */
  function target(to) {
    var base = root + to + '/' + page + '.html';
    var cur = current();
    if (!cur || !nav) return base;
    var there = cur.name;
    var table = nav.renames[version] && nav.renames[version][to];
    if (table && has(table, cur.name)) there = table[cur.name];
    var p = nav.pages[to];
    if (!there || !p) return base + '?missing=' + encodeURIComponent(cur.name) + '&from=' + encodeURIComponent(version);
    var anchor = page === 'web' ? p.web[there] : page === 'rtm' ? p.rtm[there] : p.schemas[there];
    if (!anchor) return base + '?missing=' + encodeURIComponent(cur.name) + '&from=' + encodeURIComponent(version);
    if (cur.field) anchor += '.' + cur.field;
    return base + anchor;
  }
  window.ccapiTarget = target;

  var notice = document.getElementById('ccapi-notice');
  function say(text) {
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = false;
  }

  /** Arriving from the switcher: say what this version lacks, and fall back from a missing field to its structure. */
  function arrive() {
    var q = /[?&]missing=([^&]*)(?:&from=([^&]*))?/.exec(location.search);
    if (q) {
      var name = decodeURIComponent(q[1]);
      var from = q[2] ? decodeURIComponent(q[2]) : 'the other version';
      say(version + ' has no ' + name + ' (you were on it in ' + from + '); showing the top of the page.');
      return;
    }
    var h = hash();
    if (h.length > 1 && !document.getElementById(h.slice(1))) {
      var m = /^#(schema-[^.]+)\.(.+)$/.exec(h);
      var parent = m && document.getElementById(m[1]);
      if (parent) {
        parent.scrollIntoView();
        say(version + ': ' + m[1].slice(7) + ' has no field ' + m[2] + ' in this version; showing the structure.');
      } else {
        say(version + ' has no ' + h.slice(1) + '.');
      }
    }
  }

  var menu = document.getElementById('ccapi-vmenu');
  var vlinks = menu ? menu.querySelectorAll('a.vlink') : [];
  function updateMenu() {
    for (var i = 0; i < vlinks.length; i++) {
      var to = vlinks[i].getAttribute('data-version');
      if (to && to !== version) vlinks[i].setAttribute('href', target(to));
    }
    var stable = document.getElementById('ccapi-use-stable');
    if (stable) stable.setAttribute('href', target(stable.getAttribute('data-version')));
  }
  if (menu) {
    // Arrow keys move between versions; only Enter or a click follows a link.
    menu.addEventListener('keydown', function (ev) {
      var list = Array.prototype.slice.call(vlinks);
      var at = list.indexOf(document.activeElement);
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!menu.open) menu.open = true;
        var next = at < 0 ? 0 : (at + (ev.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length;
        if (list[next]) list[next].focus();
      } else if (ev.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
    document.addEventListener('click', function (ev) {
      if (menu.open && !menu.contains(ev.target)) menu.open = false;
    });
  }

  function updateCross() {
    var link = document.getElementById('ccapi-cross');
    if (!link || !data) return;
    var cur = current();
    var name = cur && cur.name;
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

  // Copy buttons of the code samples.
  document.addEventListener('click', function (ev) {
    var btn = ev.target && ev.target.closest ? ev.target.closest('button.copy') : null;
    if (!btn) return;
    var pre = document.getElementById(btn.getAttribute('data-copy'));
    if (!pre) return;
    var text = pre.textContent;
    var done = function () {
      btn.textContent = 'Copied';
      setTimeout(function () { btn.textContent = 'Copy'; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(pre); done(); });
    } else {
      fallbackCopy(pre);
      done();
    }
  });
  function fallbackCopy(pre) {
    var range = document.createRange();
    range.selectNodeContents(pre);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    try { document.execCommand('copy'); } catch (e) { /* selection stays for a manual copy */ }
  }

  // Search over every version (index loaded once, on first use; a script tag so that it works from file://).
  var input = document.getElementById('ccapi-search');
  var results = document.getElementById('ccapi-results');
  var status = document.getElementById('ccapi-search-status');
  var waiting = null;
  function loadIndex(then) {
    if (window.CCAPI_SEARCH) return then();
    if (waiting) return void waiting.push(then);
    waiting = [then];
    var s = document.createElement('script');
    s.src = root + 'assets/search-index.js';
    s.onload = function () {
      var list = waiting;
      waiting = [];
      for (var i = 0; i < list.length; i++) list[i]();
    };
    document.head.appendChild(s);
  }
  function score(item, q) {
    var name = item[0].toLowerCase();
    var best = 0;
    if (name === q) best = 100;
    else if (name.indexOf(q) === 0) best = 60;
    else if (name.indexOf('.' + q) >= 0 || name.indexOf('_' + q) >= 0) best = 45;
    else if (name.indexOf(q) >= 0) best = 35;
    var aliases = item[4] ? item[4].toLowerCase().split(' ') : [];
    for (var i = 0; i < aliases.length; i++) {
      if (aliases[i] === q) best = Math.max(best, 100);
      else if (aliases[i].indexOf(q) >= 0) best = Math.max(best, 40);
    }
    if (!best && item[5] && item[5].toLowerCase().indexOf(q) >= 0) best = 10;
    if (!best) return 0;
    if (item[1] === 'field') best -= 5;
    if (item[1] === 'change' || item[1] === 'breaking change') best -= 8;
    if (item[2] === version) best += 3;
    return best + parseFloat(item[2].slice(1)) / 10;
  }
  function run() {
    var q = input.value.trim().toLowerCase();
    if (q.length < 2) {
      results.hidden = true;
      results.innerHTML = '';
      return;
    }
    loadIndex(function () {
      if (input.value.trim().toLowerCase() !== q) return;
      var hits = [];
      var all = window.CCAPI_SEARCH || [];
      for (var i = 0; i < all.length; i++) {
        var s = score(all[i], q);
        if (s > 0) hits.push([s, all[i]]);
      }
      hits.sort(function (a, b) { return b[0] - a[0]; });
      var ul = document.createElement('ul');
      for (var j = 0; j < hits.length && j < 40; j++) {
        var it = hits[j][1];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = root + it[3];
        var strong = document.createElement('strong');
        strong.textContent = it[0];
        a.appendChild(strong);
        var meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = ' ' + it[2] + ' · ' + it[1] + (it[4] ? ' · also ' + it[4] : '') + (it[5] ? ' · ' + it[5] : '');
        a.appendChild(meta);
        li.appendChild(a);
        ul.appendChild(li);
      }
      results.innerHTML = '';
      if (!hits.length) {
        var none = document.createElement('p');
        none.textContent = 'Nothing found for "' + input.value.trim() + '".';
        results.appendChild(none);
      } else results.appendChild(ul);
      results.hidden = false;
      if (status) status.textContent = hits.length + ' results';
    });
  }
  if (input && results) {
    input.addEventListener('input', run);
    input.addEventListener('focus', function () { loadIndex(function () {}); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') {
        var first = results.querySelector('a');
        if (first) { ev.preventDefault(); first.focus(); }
      } else if (ev.key === 'Escape') {
        results.hidden = true;
      } else if (ev.key === 'Enter') {
        var top = results.querySelector('a');
        if (top) location.href = top.href;
      }
    });
    results.addEventListener('keydown', function (ev) {
      var links = Array.prototype.slice.call(results.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        var next = at + (ev.key === 'ArrowDown' ? 1 : -1);
        if (next < 0) input.focus();
        else if (links[next]) links[next].focus();
      } else if (ev.key === 'Escape') {
        results.hidden = true;
        input.focus();
      }
    });
    document.addEventListener('click', function (ev) {
      if (!results.contains(ev.target) && ev.target !== input) results.hidden = true;
    });
  }

  // On a narrow screen the contents start folded, so that the page opens on its content.
  var toc = document.querySelector('.sidebar details.toc');
  if (toc && window.matchMedia && window.matchMedia('(max-width: 900px)').matches) toc.open = false;

  var last = null;
  function tick() {
    if (location.hash !== last) {
      last = location.hash;
      updateCross();
      updateMenu();
    }
  }
  window.addEventListener('hashchange', tick);
  // Clicks on in-page links change the hash; so does the sidebar.
  tick();
  arrive();
  window.__ccapiReady = performance.now();
  document.body.setAttribute('data-ready', 'true');
})();
