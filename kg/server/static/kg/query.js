// The query page: YASGUI (vendored, no network) on this server's /sparql, with kg's prefixes and
// a menu of example queries. Nothing is persisted between visits; no request leaves this host.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var examples = config.examples;
  var byslug = {};
  examples.forEach(function (ex) { byslug[ex.slug] = ex; });
  var wanted = byslug[(location.hash || "").slice(1)];
  var first = wanted || examples[0];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: {
      value: first ? first.sparql : "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
      autocompleters: ["prefixes", "variables"],
      resizeable: true
    },
    yasr: { prefixes: config.prefixes }
  });
  var select = document.getElementById("example");
  var described = document.getElementById("example-description");
  function show(ex) { described.textContent = ex ? ex.description : ""; }
  if (first) { select.value = first.slug; show(first); }
  select.addEventListener("change", function () { show(byslug[select.value]); });
  document.getElementById("run-example").addEventListener("click", function () {
    var ex = byslug[select.value];
    if (!ex) { return; }
    var yasqe = yasgui.getTab().getYasqe();
    yasqe.setValue(ex.sparql);
    yasqe.query();
    history.replaceState(null, "", "#" + ex.slug);
  });
  // Entity IRIs in results link to this server's /id/ pages, not out to the web.
  function localise(root) {
    root.querySelectorAll("a[href^='" + config.entityBase + "']").forEach(function (a) {
      a.setAttribute("href", "/id/" + a.getAttribute("href").slice(config.entityBase.length));
      a.removeAttribute("target");
    });
  }
  var host = document.getElementById("yasgui");
  new MutationObserver(function () { localise(host); }).observe(host, { childList: true, subtree: true });
  window.kgYasgui = yasgui;
  if (wanted) { yasgui.getTab().getYasqe().query(); }
})();
