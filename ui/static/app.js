// Plantracker: a little plain JavaScript that makes some pages nicer. Every
// page works without it: each enhancement here replaces a round trip the
// page already offers (a submit button, a link).
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  autoSubmit();
  toggleUnchanged();
  addPartyRows();
  searchShortcut();
  focusErrors();
  openDetailsForPrint();
  wordingHints();
  liveEdits();
});

// liveEdits follows the draft a page shows (GET /api/v1/events): when
// someone saves it or one of its provisions, the page says so and offers
// to reload. An edit form listens for its own row only, and asks before
// its save would go over a newer version (the server would refuse it and
// show both; this says so before the work is sent). Without JavaScript or
// EventSource nothing happens: stale saves are still refused.
function liveEdits() {
  var el = document.querySelector("[data-live-draft]");
  var box = document.getElementById("live-notice");
  if (!el || !box || !window.EventSource) {
    return;
  }
  var entity = el.getAttribute("data-live-entity");
  var rowID = el.getAttribute("data-live-id");
  var version = Number(el.getAttribute("data-live-version") || 0);
  var since = el.getAttribute("data-live-since");
  var url = "/api/v1/events?draft=" + encodeURIComponent(el.getAttribute("data-live-draft")) +
    (since && since !== "0" ? "&since=" + encodeURIComponent(since) : "");
  var source = new EventSource(url);
  var newer = null;
  source.addEventListener("change", function (e) {
    var ev;
    try { ev = JSON.parse(e.data); } catch (err) { return; }
    if (entity && (ev.entity !== entity || String(ev.entity_id) !== rowID)) {
      return;
    }
    if (entity && ev.action !== "delete" && ev.version <= version) {
      return; // the version this form was opened on
    }
    newer = ev;
    var what = ev.entity === "draft" ? "the draft" : "“" + ev.title + "”";
    var did = {create: "added", update: "saved", "delete": "deleted", restore: "restored"}[ev.action] || "changed";
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = ev.actor + " " + did + " " + what + (entity ? " since you opened this form. " : ". ");
    var a = document.createElement("a");
    a.href = location.pathname + location.search;
    a.id = "live-reload";
    a.textContent = entity ? "Reload the form (what you typed here is lost)" : "Reload to see it";
    p.appendChild(a);
    box.appendChild(p);
    box.classList.add("shown");
  });
  window.addEventListener("pagehide", function () { source.close(); });
  if (el.tagName === "FORM") {
    el.addEventListener("submit", function (e) {
      if (newer && !window.confirm(newer.actor + " saved this since you opened the form. Save yours over theirs? You will be shown their version first.")) {
        e.preventDefault();
      }
    });
  }
}

// A select with data-autosubmit="button-id" clicks that button on change:
// the provision form re-renders for the chosen kind, keeping what was typed.
// The button is hidden meanwhile. Arrow keys change a closed select one
// option at a time, so a keyboard user would be sent off at the first key:
// once the select is used from the keyboard, changes wait for the button,
// which shows again.
function autoSubmit() {
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    var button = document.getElementById(select.dataset.autosubmit);
    if (!button || !select.form) {
      return;
    }
    var keyboard = false;
    select.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" && !keyboard) {
        keyboard = true;
        button.classList.remove("js-hidden");
      }
    });
    select.addEventListener("change", function () {
      if (!keyboard) {
        select.form.requestSubmit(button);
      }
    });
  });
}

// The compare page's "Hide unchanged rows" link toggles the rows in place
// and keeps the address shareable, instead of loading the page again.
function toggleUnchanged() {
  var link = document.getElementById("toggle-unchanged");
  var table = document.getElementById("comparison-table");
  if (!link || !table) {
    return;
  }
  // With the script the link toggles in place: it becomes a button, and a
  // button answers the space bar too.
  link.setAttribute("role", "button");
  link.setAttribute("aria-pressed", table.classList.contains("hide-unchanged") ? "true" : "false");
  link.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      link.click();
    }
  });
  link.addEventListener("click", function (event) {
    event.preventDefault();
    var hide = table.classList.toggle("hide-unchanged");
    link.textContent = hide ? link.dataset.showLabel : link.dataset.hideLabel;
    link.setAttribute("aria-pressed", hide ? "true" : "false");
    var url = new URL(window.location.href);
    if (hide) {
      url.searchParams.set("unchanged", "hide");
    } else {
      url.searchParams.delete("unchanged");
    }
    history.replaceState(null, "", url);
    var next = new URL(url);
    if (hide) {
      next.searchParams.delete("unchanged");
    } else {
      next.searchParams.set("unchanged", "hide");
    }
    link.href = next.pathname + next.search;
    keepChoiceInPicker(hide);
  });
}

// The picker above the table carries the choice on to the next comparison.
function keepChoiceInPicker(hide) {
  var picker = document.querySelector("form.picker");
  if (!picker) {
    return;
  }
  var input = picker.querySelector("input[name='unchanged']");
  if (hide && !input) {
    input = document.createElement("input");
    input.type = "hidden";
    input.name = "unchanged";
    input.value = "hide";
    picker.appendChild(input);
  } else if (!hide && input) {
    input.remove();
  }
}

// The party and source tables of the provision form offer a few empty
// rows; a button adds another, numbered next, by copying the last row.
function addPartyRows() {
  addRows("add-party-row", "party-table", "parties", { stance: "unknown" });
  addRows("add-source-row", "source-table", "sources", { sourcing: "reported" });
}

function addRows(buttonID, tableID, prefix, defaults) {
  var button = document.getElementById(buttonID);
  var table = document.getElementById(tableID);
  if (!button || !table) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var rows = table.tBodies[0].rows;
    var last = rows[rows.length - 1];
    var index = rows.length;
    var row = last.cloneNode(true);
    row.querySelectorAll("select, input").forEach(function (control) {
      var field = control.name.split(".").pop();
      control.name = prefix + "." + index + "." + field;
      control.id = prefix + "-" + index + "-" + field;
      control.removeAttribute("aria-invalid");
      control.removeAttribute("aria-describedby");
      control.value = defaults[field] || "";
    });
    row.querySelectorAll("label").forEach(function (label) {
      var field = label.htmlFor.split("-").pop();
      label.htmlFor = prefix + "-" + index + "-" + field;
      label.textContent = label.textContent.replace(/\d+$/, String(index + 1));
    });
    row.querySelectorAll(".field-error").forEach(function (p) { p.remove(); });
    row.querySelectorAll("td").forEach(function (td) { td.className = ""; });
    table.tBodies[0].appendChild(row);
    row.querySelector("select").focus();
  });
}

// "/" focuses the search box of a page that has one, unless typing.
function searchShortcut() {
  var box = document.querySelector("[data-shortcut='/']");
  if (!box) {
    return;
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey ||
        tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) {
      return;
    }
    event.preventDefault();
    box.focus();
  });
}

// After a failed save, move focus to the list of problems, so a keyboard or
// screen-reader user starts there.
function focusErrors() {
  var summary = document.getElementById("error-summary") || document.getElementById("conflict") ||
    document.getElementById("wording-warning");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
}

// Citations and sources sit in closed <details> on screen; a printout opens
// them all (CSS cannot), and closes again the ones that were closed.
function openDetailsForPrint() {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}

// While a number term of the provision form changes, a hint under it says
// when the wording still states the old value ("wording still says
// 600,000"). It is only a hint: saving checks the same, on the server
// (models.WordingMismatches), and asks before saving.
function wordingHints() {
  var text = document.getElementById("text");
  var inputs = document.querySelectorAll(".terms-fields input[inputmode='numeric'], .terms-fields input[inputmode='decimal']");
  if (!text || inputs.length === 0) {
    return;
  }
  var check = function (input) {
    var field = input.closest(".field");
    var hint = document.getElementById(input.id + "-wording-hint");
    var old = input.defaultValue;
    var stale = old !== "" && input.value !== old && states(text.value, old) &&
      (input.value === "" || !states(text.value, input.value));
    if (!stale) {
      if (hint) {
        hint.remove();
      }
      return;
    }
    if (!hint) {
      hint = document.createElement("p");
      hint.id = input.id + "-wording-hint";
      hint.className = "wording-hint";
      hint.setAttribute("role", "status");
      field.appendChild(hint);
    }
    var unit = field.querySelector(".unit");
    hint.textContent = "wording still says " + worded(old, unit ? unit.textContent : "");
  };
  inputs.forEach(function (input) {
    input.addEventListener("input", function () { check(input); });
  });
  text.addEventListener("input", function () { inputs.forEach(check); });
}

// states says whether the wording writes the number: 600000 as "600,000",
// "600 000" or "600000", not as part of a longer number.
function states(wording, value) {
  var n = Number(value);
  if (!isFinite(n) || value === "") {
    return false;
  }
  var parts = String(Math.abs(n)).split(".");
  var groups = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",").split(",");
  var pattern = groups.join("[,\\s\u00a0\u202f']?") + (parts[1] ? "\\." + parts[1] : "");
  return new RegExp("(^|[^\\d.,])" + pattern + "(?![\\d]|[.,]\\d)").test(wording);
}

// worded writes a number as the app does: "600,000", "10 years", "50%",
// "USD 100 bn"; a count of people bare, as the wording reads.
function worded(value, unit) {
  var n = Number(value).toLocaleString("en-US", {maximumFractionDigits: 2});
  if (!unit || unit === "people") {
    return n;
  }
  if (unit === "%") {
    return n + "%";
  }
  if (unit.indexOf("USD ") === 0) {
    return "USD " + n + " " + unit.slice(4);
  }
  return n + " " + unit;
}
