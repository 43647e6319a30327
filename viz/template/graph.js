/* kg graph view: filters, search, tooltips, side panel, PNG export. Data comes from #kg-data.
   The filter rules mirror viz/filters.py (apply): role → event kind/date → body scope → neighbourhood. */
(function () {
  "use strict";
  var timings = window.kgTimings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var meta = data.meta;
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  var KIND = {}; meta.kinds.forEach(function (k) { KIND[k[0]] = { zh: k[1], shape: k[2], colour: k[3] }; });
  var ROLE = {}; meta.roles.forEach(function (r) { ROLE[r[0]] = { zh: r[1], colour: r[2], dashed: r[3] }; });
  var allRoles = meta.roles.map(function (r) { return r[0]; });

  var infos = data.info;  // what vis does not need: names, kinds, facts, evidence (same order as data.nodes)
  var byId = new Map();
  infos.forEach(function (n) { byId.set(n.id, n); });

  var state = { roles: new Set(allRoles), ekind: "", body: "", since: "", until: "", focus: null, hops: 1 };
  var shownNodes = new Set(byId.keys());
  var shownEdges = new Set(data.edges.map(function (e) { return e.id; }));

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdges.has(e.id); } });
  var container = $("graph");
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  timings.network = performance.now();

  // ---------------------------------------------------------------- filters
  function inRange(d) {
    if (!d) return false;
    if (state.since && d < state.since) return false;
    if (state.until && d.slice(0, state.until.length) > state.until) return false;
    return true;
  }
  function eventOk(n) {
    if (n.kind !== "event") return true;
    if (state.ekind && n.ekind !== state.ekind) return false;
    return (state.since || state.until) ? inRange(n.date) : true;
  }
  function active() {
    return state.roles.size !== allRoles.length || state.ekind || state.body !== "" ||
      state.since || state.until || state.focus !== null;
  }
  function compute() {
    var vn = new Set(), ve = [];
    if (!active()) {
      byId.forEach(function (n, id) { vn.add(id); });
      ve = data.edges;
    } else {
      data.edges.forEach(function (e) {
        if (state.roles.has(e.role) && eventOk(byId.get(e.from)) && eventOk(byId.get(e.to))) {
          ve.push(e); vn.add(e.from); vn.add(e.to);
        }
      });
      if (state.ekind || state.since || state.until) {
        infos.forEach(function (n) { if (n.kind === "event" && eventOk(n)) vn.add(n.id); });
      }
      if (state.focus !== null && eventOk(byId.get(state.focus))) vn.add(state.focus);
      if (state.ekind || state.since || state.until) vn = aroundEvents(vn, ve);
      if (state.body !== "") {
        var b = Number(state.body);
        vn = new Set(Array.from(vn).filter(function (id) { return byId.get(id).bodies.indexOf(b) >= 0; }));
      }
      ve = ve.filter(function (e) { return vn.has(e.from) && vn.has(e.to); });
      if (state.focus !== null) {
        var seen = new Set(), frontier = [];
        if (vn.has(state.focus)) { seen.add(state.focus); frontier.push(state.focus); }
        var local = new Map();
        ve.forEach(function (e) {
          if (!local.has(e.from)) local.set(e.from, []);
          if (!local.has(e.to)) local.set(e.to, []);
          local.get(e.from).push(e.to); local.get(e.to).push(e.from);
        });
        for (var h = 0; h < state.hops; h++) {
          var next = [];
          frontier.forEach(function (id) {
            (local.get(id) || []).forEach(function (m) { if (!seen.has(m)) { seen.add(m); next.push(m); } });
          });
          frontier = next;
        }
        vn = seen;
        ve = ve.filter(function (e) { return vn.has(e.from) && vn.has(e.to); });
      }
    }
    shownNodes = vn;
    shownEdges = new Set(ve.map(function (e) { return e.id; }));
    nodeView.refresh(); edgeView.refresh();
    updateCount();
    updateApplied();
    if (shownNodes.size) network.fit({ animation: false });
  }

  // with a date or kind filter keep what happened: the events, who was there, their posts, the bodies
  function aroundEvents(vn, ve) {
    var kind = function (id) { return byId.get(id).kind; };
    var keep = new Set();
    vn.forEach(function (id) { if (kind(id) === "event") keep.add(id); });
    if (state.focus !== null && vn.has(state.focus)) keep.add(state.focus);
    ve.forEach(function (e) { if (kind(e.to) === "event" && keep.has(e.to) && kind(e.from) === "person") keep.add(e.from); });
    ve.forEach(function (e) { if (kind(e.from) === "person" && keep.has(e.from) && kind(e.to) === "post") keep.add(e.to); });
    var out = new Set(keep);
    ve.forEach(function (e) {
      if (keep.has(e.from) && kind(e.to) === "body") out.add(e.to);
      if (keep.has(e.to) && kind(e.from) === "body") out.add(e.from);
    });
    return out;
  }

  function updateCount() {
    var text = "显示 " + shownNodes.size + " / " + data.nodes.length + " 个节点 · " +
      shownEdges.size + " / " + data.edges.length + " 条边";
    if (meta.totalNodes > data.nodes.length) text += "（全图 " + meta.totalNodes + " 个节点）";
    $("count").textContent = text;
    $("count").dataset.nodes = String(shownNodes.size);
    $("count").dataset.edges = String(shownEdges.size);
  }
  function updateApplied() {
    var fl = $("focus-label");
    fl.textContent = "";
    if (state.focus !== null) {
      fl.appendChild(document.createTextNode("中心：" + byId.get(state.focus).name + "（" + state.hops + " 跳） "));
      var x = el("a", "取消"); x.href = "#"; x.onclick = function (ev) { ev.preventDefault(); state.focus = null; compute(); };
      fl.appendChild(x);
    } else {
      fl.textContent = "点击人物或活动后可只看其邻域";
    }
  }

  // ---------------------------------------------------------------- controls
  var rolesBox = $("roles");
  meta.roles.forEach(function (r) {
    var lab = el("label"), cb = el("input"), sw = el("span", null, "swatch-line" + (r[3] ? " dashed" : ""));
    cb.type = "checkbox"; cb.checked = true; cb.value = r[0]; cb.dataset.role = r[0];
    cb.onchange = function () { if (cb.checked) state.roles.add(r[0]); else state.roles.delete(r[0]); compute(); };
    sw.style.borderTopColor = r[2];
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(" " + r[1] + " " + r[0].replace("_", " ")));
    rolesBox.appendChild(lab);
  });
  meta.eventKinds.forEach(function (k) { var o = el("option", k[1] + " " + k[0]); o.value = k[0]; $("event-kind").appendChild(o); });
  meta.bodies.forEach(function (b) { var o = el("option", b[1]); o.value = String(b[0]); $("body").appendChild(o); });
  $("event-kind").onchange = function () { state.ekind = this.value; compute(); };
  $("body").onchange = function () { state.body = this.value; compute(); };
  $("since").onchange = function () { state.since = this.value; compute(); };
  $("until").onchange = function () { state.until = this.value; compute(); };
  Array.prototype.forEach.call(document.querySelectorAll("input[name=hops]"), function (r) {
    r.onchange = function () { state.hops = Number(this.value); if (state.focus !== null) compute(); };
  });
  $("reset").onclick = function () { resetFilters(); compute(); };
  function resetFilters() {
    state.roles = new Set(allRoles); state.ekind = ""; state.body = ""; state.since = ""; state.until = ""; state.focus = null;
    Array.prototype.forEach.call(rolesBox.querySelectorAll("input"), function (c) { c.checked = true; });
    $("event-kind").value = ""; $("body").value = ""; $("since").value = ""; $("until").value = "";
  }
  function neighbourhood(id, hops) {
    state.focus = id; state.hops = hops;
    var r = document.querySelector("input[name=hops][value='" + hops + "']"); if (r) r.checked = true;
    compute();
    network.selectNodes([id]);
  }

  // search: exact name first, then a name containing the text; persons before other kinds
  var names = $("names"), order = { person: 0, body: 1, event: 2, post: 3 };
  var sorted = infos.slice().sort(function (a, b) { return order[a.kind] - order[b.kind] || a.name.length - b.name.length; });
  sorted.forEach(function (n) { if (n.kind !== "post") { var o = el("option"); o.value = n.name; names.appendChild(o); } });
  function find(q) {
    q = q.trim(); if (!q) return null;
    for (var i = 0; i < sorted.length; i++) if (sorted[i].name === q) return sorted[i];
    for (var j = 0; j < sorted.length; j++) if (sorted[j].name.indexOf(q) >= 0) return sorted[j];
    return null;
  }
  function centreOn(id) {
    if (!shownNodes.has(id)) { resetFilters(); compute(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    openPanel(id);
  }
  $("search-form").onsubmit = function (ev) {
    ev.preventDefault();
    var n = find($("search").value);
    if (n) { hideMessage(); centreOn(n.id); } else { showMessage("未找到 “" + $("search").value + "”。"); }
  };

  $("physics").onchange = function () { network.setOptions({ physics: { enabled: this.checked } }); };
  $("fit").onclick = function () { network.fit({ animation: { duration: 300 } }); };
  network.on("beforeDrawing", function (ctx) {  // white, not transparent, in the PNG
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
  });
  $("png").onclick = function () {
    var a = el("a"); a.href = snapshot().toDataURL("image/png"); a.download = "kg-graph.png";
    document.body.appendChild(a); a.click(); a.remove();
  };
  // the drawn network plus a legend in its corner, so the PNG explains itself
  function snapshot() {
    var src = container.querySelector("canvas"), out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d"), r = window.devicePixelRatio || 1;
    ctx.drawImage(src, 0, 0);
    ctx.scale(r, r);
    var rows = meta.kinds.length + meta.roles.length, x = 12, y = 12, w = 150, h = 14 + rows * 20;
    ctx.fillStyle = "rgba(255,255,255,0.92)"; ctx.strokeStyle = "#cccccc";
    ctx.fillRect(x, y, w, h); ctx.strokeRect(x, y, w, h);
    ctx.font = "13px " + getComputedStyle(document.body).fontFamily; ctx.textBaseline = "middle";
    var cy = y + 17;
    meta.kinds.forEach(function (k) {
      ctx.fillStyle = k[3]; ctx.beginPath();
      if (k[2] === "dot") ctx.arc(x + 18, cy, 6, 0, 2 * Math.PI);
      else if (k[2] === "square") ctx.rect(x + 12, cy - 6, 12, 12);
      else if (k[2] === "diamond") { ctx.moveTo(x + 18, cy - 7); ctx.lineTo(x + 25, cy); ctx.lineTo(x + 18, cy + 7); ctx.lineTo(x + 11, cy); }
      else { ctx.moveTo(x + 18, cy - 6); ctx.lineTo(x + 25, cy + 6); ctx.lineTo(x + 11, cy + 6); }
      ctx.fill();
      ctx.fillStyle = "#222"; ctx.fillText(k[1] + " " + k[0], x + 34, cy); cy += 20;
    });
    meta.roles.forEach(function (role) {
      ctx.strokeStyle = role[2]; ctx.lineWidth = 3; ctx.setLineDash(role[3] ? [5, 3] : []);
      ctx.beginPath(); ctx.moveTo(x + 8, cy); ctx.lineTo(x + 28, cy); ctx.stroke();
      ctx.setLineDash([]); ctx.fillStyle = "#222"; ctx.fillText(role[1] + " " + role[0].replace("_", " "), x + 34, cy); cy += 20;
    });
    return out;
  }

  // ---------------------------------------------------------------- messages, legend
  function showMessage(text) { var m = $("message"); m.textContent = text; m.hidden = false; }
  function hideMessage() { var m = $("message"); if (!meta.truncated) m.hidden = true; else m.textContent = meta.truncated; }
  var notes = (meta.truncated ? [meta.truncated] : []).concat(meta.notes);
  if (!data.nodes.length) notes.push("没有符合条件的节点。 No node matches these filters.");
  if (notes.length) showMessage(notes.join(" "));
  if (meta.filters.length) $("applied").textContent = "页面已按 " + meta.filters.join("，") + " 筛选";

  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeSvg(shape, colour) {
    var s = document.createElementNS(SVGNS, "svg"); s.setAttribute("width", "18"); s.setAttribute("height", "18");
    var p;
    if (shape === "dot") { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", "9"); p.setAttribute("cy", "9"); p.setAttribute("r", "7"); }
    else if (shape === "square") { p = document.createElementNS(SVGNS, "rect"); p.setAttribute("x", "2"); p.setAttribute("y", "2"); p.setAttribute("width", "14"); p.setAttribute("height", "14"); }
    else { p = document.createElementNS(SVGNS, "polygon"); p.setAttribute("points", shape === "diamond" ? "9,1 17,9 9,17 1,9" : "9,2 17,16 1,16"); }
    p.setAttribute("fill", colour); s.appendChild(p); return s;
  }
  var legend = $("legend");
  meta.kinds.forEach(function (k) {
    var it = el("div", null, "item"); it.dataset.kind = k[0];
    it.appendChild(shapeSvg(k[2], k[3])); it.appendChild(document.createTextNode(k[1] + " " + k[0]));
    legend.appendChild(it);
  });
  meta.roles.forEach(function (r) {
    var it = el("div", null, "item"), sw = el("span", null, "swatch-line" + (r[3] ? " dashed" : ""));
    sw.style.borderTopColor = r[2]; it.appendChild(sw); it.appendChild(document.createTextNode(r[1] + " " + r[0].replace("_", " ")));
    legend.appendChild(it);
  });
  legend.appendChild(el("div", "人物大小 = 主持 + 出席次数；出席边上的数字是名单中的位次。", "hint"));

  // ---------------------------------------------------------------- tooltip
  var tip = $("tooltip"), mouse = { x: 0, y: 0 };
  container.addEventListener("mousemove", function (ev) {
    var r = container.getBoundingClientRect(); mouse.x = ev.clientX - r.left; mouse.y = ev.clientY - r.top;
    if (!tip.hidden) placeTip();
  });
  container.addEventListener("mouseleave", function () { tip.hidden = true; });
  function placeTip() {
    var w = container.clientWidth;
    tip.style.left = Math.min(mouse.x + 14, w - tip.offsetWidth - 4) + "px"; tip.style.top = (mouse.y + 14) + "px";
  }
  var COUNT_ZH = { chair: "主持", attend: "出席", speak: "讲话", elected: "当选", organised: "主办活动", holds_post: "任职" };
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node); tip.textContent = "";
    var head = el("div", n.name, "t-name"); head.appendChild(el("span", KIND[n.kind].zh, "t-kind")); tip.appendChild(head);
    var h = n.hover || {};
    if (h.posts && h.posts.length) tip.appendChild(el("div", (n.kind === "person" ? "职务：" : "") + h.posts.join("；")));
    if (h.dates) tip.appendChild(el("div", "日期：" + (h.dates[0] === h.dates[1] ? h.dates[0] : h.dates[0] + " 至 " + h.dates[1])));
    var c = h.counts || {}, parts = Object.keys(c).map(function (k) { return (COUNT_ZH[k] || k) + " " + c[k]; });
    if (parts.length) tip.appendChild(el("div", parts.join(" · ")));
    tip.hidden = false; placeTip();
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge), ei = data.edgeInfo[p.edge]; tip.textContent = "";
    tip.appendChild(el("div", byId.get(e.from).name + " → " + byId.get(e.to).name, "t-name"));
    tip.appendChild(el("div", ei[0] + (ei[1] ? "（" + ei[1] + "）" : "")));
    tip.hidden = false; placeTip();
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });

  // ---------------------------------------------------------------- side panel
  function openPanel(id) {
    var n = byId.get(id), panel = $("panel");
    $("panel-empty").hidden = true; $("panel-body").hidden = false; panel.dataset.node = String(id);
    var kind = $("panel-kind"); kind.textContent = KIND[n.kind].zh + " " + n.kind; kind.style.background = KIND[n.kind].colour;
    $("panel-title").textContent = n.name;
    var link = $("panel-link"); link.href = n.url; link.textContent = meta.hasServer ? "实体页面 →" : "IRI →"; link.title = n.iri;
    var facts = $("panel-facts"); facts.textContent = "";
    n.facts.forEach(function (f) { var tr = el("tr"); tr.appendChild(el("th", f[0])); tr.appendChild(el("td", f[1])); facts.appendChild(tr); });
    var list = $("panel-evidence"); list.textContent = "";
    if (!n.evidence.length) list.appendChild(el("li", "（无原文证据）", "muted"));
    n.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("div", [ev.headline || "（无标题）", ev.date].filter(Boolean).join(" · "), "ev-head"));
      var t = el("div", null, "ev-text");
      t.appendChild(document.createTextNode(ev.before)); t.appendChild(el("mark", ev.quote)); t.appendChild(document.createTextNode(ev.after));
      li.appendChild(t);
      li.appendChild(el("div", ev.what, "ev-what"));
      list.appendChild(li);
    });
    $("panel-hood1").onclick = function () { neighbourhood(id, 1); };
    $("panel-hood2").onclick = function () { neighbourhood(id, 2); };
  }
  $("panel-close").onclick = function () {
    $("panel-body").hidden = true; $("panel-empty").hidden = false; delete $("panel").dataset.node; network.unselectAll();
  };
  network.on("click", function (p) { if (p.nodes.length) openPanel(p.nodes[0]); });

  // ---------------------------------------------------------------- ready
  var resolveReady;
  window.kgReadyPromise = new Promise(function (resolve) { resolveReady = resolve; });
  function ready() {
    $("loading").hidden = true;
    window.kgReadyMs = performance.now();
    window.kgReady = true;
    resolveReady(window.kgReadyMs);
  }
  $("physics").checked = !!data.physics;
  if (data.physics && data.nodes.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });  // settle, then freeze
      $("physics").checked = false;
      network.fit({ animation: false });
      ready();
    });
  } else {
    $("loading").hidden = true;
    network.once("afterDrawing", ready);
    network.redraw();
  }
  updateCount(); updateApplied();
  window.kg = {
    network: network, data: data, state: state,
    shownNodes: function () { return Array.from(shownNodes); },
    shownEdges: function () { return Array.from(shownEdges); },
    find: find, centreOn: centreOn, snapshot: snapshot, openPanel: openPanel, neighbourhood: neighbourhood, compute: compute
  };
})();
