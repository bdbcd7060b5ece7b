// newsgraph pages: layer toggles, the cleaner's removed lines, details of a clicked annotation,
// and a flash on the sentence a link points to. No library: the pages work without this file.
(function () {
  "use strict";

  function flashTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    document.querySelectorAll(".flash").forEach(function (x) { x.classList.remove("flash"); });
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  function describe(el) {
    // The clicked annotation and the ones around it, innermost first (sentences left out).
    var out = [];
    for (var node = el; node && node.id !== "text"; node = node.parentElement) {
      if (node.dataset && node.dataset.start !== undefined && !node.classList.contains("sent")) out.push(node);
    }
    return out;
  }

  function showDetail(nodes) {
    var panel = document.getElementById("detail");
    var body = document.getElementById("detail-body");
    if (!panel || !body || !nodes.length) return;
    body.textContent = "";
    var dl = document.createElement("dl");
    nodes.forEach(function (node) {
      var dt = document.createElement("dt");
      dt.textContent = node.classList[0] + ": " + node.textContent.trim().slice(0, 80);
      var dd = document.createElement("dd");
      dd.textContent = node.title || "";
      if (node.dataset.entity) {
        var a = document.createElement("a");
        a.href = "/entity/" + encodeURIComponent(node.dataset.entity);
        a.textContent = " → entity page";
        dd.appendChild(a);
      }
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    body.appendChild(dl);
    panel.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-layer]").forEach(function (box) {
      var apply = function () { document.body.classList.toggle("show-" + box.dataset.layer, box.checked); };
      box.addEventListener("change", apply);
      apply();
    });
    var removed = document.getElementById("toggle-removed");
    if (removed) {
      removed.addEventListener("click", function () {
        var on = document.body.classList.toggle("show-removed");
        removed.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    var text = document.getElementById("text");
    if (text) {
      text.addEventListener("click", function (ev) { showDetail(describe(ev.target)); });
    }
    flashTarget();
  });
  window.addEventListener("hashchange", flashTarget);
})();
