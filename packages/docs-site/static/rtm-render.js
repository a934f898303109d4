/* Renders the RTM reference with the AsyncAPI React component, then honours the anchor in the URL. */
(function () {
  'use strict';
  var root = document.getElementById('asyncapi');
  var specEl = document.getElementById('rtm-spec');
  if (!root || !specEl || !window.AsyncApiStandalone) return;
  var spec = JSON.parse(specEl.textContent);
  window.AsyncApiStandalone.render(
    {
      schema: spec,
      config: {
        show: { sidebar: true, info: true, servers: true, operations: true, messages: true, schemas: true, errors: true },
        expand: { messageExamples: false },
        sidebar: { showServers: 'byDefault', showOperations: 'byDefault' },
      },
    },
    root,
  );
  var wanted = location.hash && location.hash.length > 1 ? location.hash.slice(1) : null;
  var tries = 0;
  var timer = setInterval(function () {
    tries++;
    var ready = root.querySelector('[id^="operation-"], #introduction');
    if (ready) {
      root.removeAttribute('aria-busy');
      document.body.setAttribute('data-rendered', 'true');
      var el = null;
      if (wanted) {
        try { el = document.getElementById(decodeURIComponent(wanted)); } catch (e) { el = null; }
      }
      if (el) el.scrollIntoView();
      if (el || !wanted || tries > 50) clearInterval(timer);
    } else if (tries > 1200) {
      clearInterval(timer);
    }
  }, 100);
})();
