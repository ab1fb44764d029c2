// The editor: builds the JSON Resume document from the form, previews every change within a
// moment, saves it (If-Match, so nothing is overwritten silently) and prints the PDF.
(() => {
  "use strict";
  const root = document.querySelector("[data-editor]");
  if (!root) return;
  const R = window.Resumate;
  const form = document.getElementById("editor-form");
  const frame = document.querySelector("[data-preview]");
  const resumeId = root.dataset.resumeId;
  const api = `/api/resumes/${resumeId}`;
  const original = JSON.parse(document.getElementById("resume-data").textContent);
  const defaults = JSON.parse(document.getElementById("template-defaults").textContent);
  const SAVE_DELAY = 700;
  const PREVIEW_DELAY = 120;

  const state = {
    version: Number(root.dataset.version),
    templateId: root.dataset.templateId,
    theme: JSON.parse(document.getElementById("resume-theme").textContent),
    title: document.querySelector("[data-title]").value,
    saved: null, // the last body the server accepted, as JSON text
    saving: null, // the promise of the save in flight
    retryIn: 0,
    conflict: false,
  };

  // ---- the document, read back from the form ----------------------------------------------
  const ownEntry = (el, entry) => el.closest("[data-entry]") === entry;

  function setOrDrop(target, key, value) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete target[key];
    else target[key] = value;
  }

  function readStrings(list) {
    return [...list.querySelectorAll(":scope > [data-item] [data-value]")].map((i) => i.value).filter((v) => v.trim() !== "");
  }

  function readEntry(entry) {
    const result = JSON.parse(entry.dataset.extra || "{}");
    entry.querySelectorAll("[data-key]").forEach((input) => {
      if (ownEntry(input, entry)) setOrDrop(result, input.dataset.key, input.value.trim() === "" ? "" : input.value);
    });
    entry.querySelectorAll("[data-strings]").forEach((list) => {
      if (ownEntry(list, entry)) setOrDrop(result, list.dataset.strings, readStrings(list));
    });
    return result;
  }

  function readList(name) {
    const list = form.querySelector(`[data-list="${name}"]`);
    return [...list.querySelectorAll(":scope > [data-entry]")].map(readEntry);
  }

  function readDocument() {
    const doc = structuredClone(original);
    const basicsBox = form.querySelector("[data-basics]");
    const basics = JSON.parse(basicsBox.dataset.extra || "{}");
    const locationBox = form.querySelector("[data-location]");
    const location = JSON.parse(locationBox.dataset.extra || "{}");
    form.querySelectorAll("[data-field]").forEach((input) => {
      const path = input.dataset.field.split(".");
      const value = input.value.trim() === "" ? "" : input.value;
      if (path[1] === "location") setOrDrop(location, path[2], value);
      else setOrDrop(basics, path[1], value);
    });
    setOrDrop(basics, "location", Object.keys(location).length ? location : undefined);
    setOrDrop(basics, "profiles", readList("basics.profiles"));
    setOrDrop(doc, "basics", Object.keys(basics).length ? basics : undefined);
    form.querySelectorAll("[data-section]").forEach((section) => {
      setOrDrop(doc, section.dataset.section, readList(section.dataset.section));
    });
    return doc;
  }

  function readTheme() {
    const order = [...form.querySelectorAll("[data-section-order] > [data-item]")];
    return {
      ...state.theme,
      sectionOrder: order.map((item) => item.dataset.sectionKey),
      hiddenSections: order.filter((item) => !item.querySelector("[data-visible]").checked).map((item) => item.dataset.sectionKey),
    };
  }

  function body() {
    return { title: state.title.trim() || "Untitled resume", templateId: state.templateId, data: readDocument(), theme: readTheme() };
  }

  // ---- save state --------------------------------------------------------------------------
  const stateBox = document.querySelector("[data-save-state]");
  const stateText = document.querySelector("[data-save-text]");
  function showState(kind, text) {
    stateBox.dataset.saveState = kind;
    stateText.textContent = text;
  }

  // ---- live preview ------------------------------------------------------------------------
  let previewTimer = null;
  let previewBusy = false;
  let previewAgain = false;
  const note = document.querySelector("[data-preview-note]");

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, PREVIEW_DELAY);
  }

  async function refreshPreview() {
    if (previewBusy) { previewAgain = true; return; }
    previewBusy = true;
    const { data, theme, templateId } = body();
    try {
      const response = await R.request(`${api}/preview`, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ data, theme, templateId }),
      });
      if (response.ok) {
        swapPreview(await response.text());
        clearFieldErrors("preview");
        note.hidden = true;
      } else if (response.status === 422) {
        const problem = await response.json();
        showFieldErrors(problem.error.fields || [], "preview");
        note.textContent = "Preview paused: fix the highlighted field.";
        note.hidden = false;
      }
    } catch (_) {
      note.textContent = "Preview will update when you're back online.";
      note.hidden = false;
    } finally {
      previewBusy = false;
      if (previewAgain) { previewAgain = false; schedulePreview(); }
    }
  }

  function swapPreview(html) {
    const doc = frame.contentDocument;
    const parsed = new DOMParser().parseFromString(html, "text/html");
    doc.head.replaceWith(doc.importNode(parsed.head, true));
    doc.body.replaceWith(doc.importNode(parsed.body, true));
    fitPreview();
    root.dispatchEvent(new CustomEvent("preview:updated"));
  }

  // The frame is as tall as its sheets, scaled to the pane; the pane scrolls.
  let zoom = 0; // 0 = fit to width; otherwise a scale factor
  const viewport = document.querySelector("[data-preview-viewport]");
  const scaler = document.querySelector("[data-preview-scaler]");
  const zoomLabel = document.querySelector("[data-zoom-label]");
  const pageCount = document.querySelector("[data-page-count]");

  function fitPreview() {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    const rootStyle = frame.contentWindow.getComputedStyle(doc.documentElement);
    const width = parseFloat(rootStyle.minWidth) || doc.documentElement.scrollWidth;
    frame.style.width = `${width}px`;
    const height = doc.documentElement.scrollHeight;
    frame.style.height = `${height}px`;
    const fit = Math.min(1.5, (viewport.clientWidth - 8) / width);
    const scale = zoom || fit;
    frame.style.transform = `scale(${scale})`;
    scaler.style.width = `${width * scale}px`;
    scaler.style.height = `${height * scale}px`;
    zoomLabel.textContent = zoom ? `${Math.round(scale * 100)}%` : "Fit";
    const stride = parseFloat((rootStyle.backgroundSize || "").split(" ")[1]);
    if (stride) {
      const sheets = Math.max(1, Math.round((height - 24) / stride));
      pageCount.textContent = `${sheets} page${sheets === 1 ? "" : "s"}`;
      root.dataset.pages = String(sheets);
    }
  }

  document.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
    const step = Number(button.dataset.zoom);
    const current = zoom || Number(frame.style.transform.replace(/[^\d.]/g, "")) || 1;
    zoom = step === 0 ? 0 : Math.min(2, Math.max(0.3, current + step * 0.1));
    fitPreview();
  }));
  new ResizeObserver(() => fitPreview()).observe(viewport);
  frame.addEventListener("load", () => {
    fitPreview();
    frame.contentDocument.fonts.ready.then(fitPreview);
    frame.contentDocument.fonts.addEventListener?.("loadingdone", fitPreview);
  });
  if (frame.contentDocument?.readyState === "complete") fitPreview();

  // ---- field errors --------------------------------------------------------------------------
  // "data.work[1].startDate" → the input for that key in the second work entry.
  function inputFor(path) {
    const parts = path.replace(/^data\./, "").match(/[^.[\]]+/g) || [];
    if (parts[0] === "title") return document.querySelector("[data-title]");
    if (parts[0] === "basics" && parts[1] !== "profiles") return form.querySelector(`[data-field="basics.${parts.slice(1, 3).join(".")}"]`);
    const listName = parts[0] === "basics" ? "basics.profiles" : parts[0];
    const rest = parts[0] === "basics" ? parts.slice(2) : parts.slice(1);
    const list = form.querySelector(`[data-list="${listName}"]`);
    const entry = list?.querySelectorAll(":scope > [data-entry]")[Number(rest[0])];
    if (!entry) return null;
    const key = [...entry.querySelectorAll(`[data-key="${rest[1]}"], [data-strings="${rest[1]}"]`)].find((el) => ownEntry(el, entry));
    if (key && key.matches("[data-strings]")) return key.querySelectorAll("[data-value]")[Number(rest[2])] || key;
    return key || null;
  }

  function clearFieldErrors(source) {
    form.querySelectorAll(`[data-error-from="${source}"]`).forEach((el) => {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("data-error-from");
      document.getElementById(el.id + "-error")?.remove();
    });
  }

  function showFieldErrors(fields, source) {
    clearFieldErrors(source);
    for (const field of fields) {
      const input = inputFor(field.field);
      if (!input || input.hasAttribute("aria-invalid")) continue;
      const entry = input.closest("[data-entry]");
      if (entry) { entry.querySelector(".entry-body").hidden = false; entry.querySelector("[data-toggle]")?.setAttribute("aria-expanded", "true"); }
      input.closest("details")?.setAttribute("open", "");
      input.setAttribute("aria-invalid", "true");
      input.dataset.errorFrom = source;
      if (!input.id) input.id = `field-${Math.random().toString(36).slice(2)}`;
      const message = document.createElement("p");
      message.className = "field-error";
      message.id = input.id + "-error";
      message.textContent = humanError(field.message);
      input.setAttribute("aria-describedby", message.id);
      input.insertAdjacentElement("afterend", message);
    }
  }

  function humanError(message) {
    const text = String(message || "is not valid");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- saving --------------------------------------------------------------------------------
  let saveTimer = null;

  function scheduleSave(delay = SAVE_DELAY) {
    clearTimeout(saveTimer);
    if (state.conflict) return;
    saveTimer = setTimeout(save, delay);
  }

  function dirty() {
    return JSON.stringify(body()) !== state.saved;
  }

  async function save() {
    if (state.conflict) return;
    if (state.saving) { await state.saving; if (dirty()) scheduleSave(0); return; }
    const sending = body();
    const text = JSON.stringify(sending);
    if (text === state.saved) { showState("saved", "All changes saved"); return; }
    showState("saving", "Saving…");
    state.saving = (async () => {
      try {
        const response = await R.request(api, {
          method: "PATCH",
          headers: { "Content-Type": "application/json", "If-Match": `"${state.version}"` },
          body: text,
        });
        if (response.ok) {
          const saved = await response.json();
          state.version = saved.version;
          state.saved = text;
          state.retryIn = 0;
          document.getElementById("current-version").value = String(state.version);
          clearFieldErrors("save");
          showState(dirty() ? "pending" : "saved", dirty() ? "Unsaved changes" : "All changes saved");
          return;
        }
        if (response.status === 412) { openConflict(); return; }
        if (response.status === 422) {
          const problem = await response.json();
          showFieldErrors(problem.error.fields || [], "save");
          showState("error", "Not saved: fix the highlighted field");
          return;
        }
        retryLater(response.status === 503 ? "Server busy — retrying" : "Couldn't save — retrying");
      } catch (_) {
        retryLater("Offline — retrying");
      }
    })();
    await state.saving;
    state.saving = null;
    if (!state.conflict && state.retryIn === 0 && dirty()) scheduleSave();
  }

  // Back off while offline or failing; the edits stay in the page, and are kept in this
  // browser too, so closing the tab does not lose them.
  function retryLater(text) {
    state.retryIn = Math.min(30, Math.max(2, state.retryIn * 2 || 2));
    showState("offline", `${text} in ${state.retryIn} s`);
    keepDraft();
    scheduleSave(state.retryIn * 1000);
  }

  const draftKey = `resumate.draft.${resumeId}`;
  function keepDraft() {
    try { localStorage.setItem(draftKey, JSON.stringify({ version: state.version, body: body(), at: Date.now() })); } catch (_) { /* full or blocked */ }
  }

  window.addEventListener("online", () => { if (dirty()) scheduleSave(0); });
  window.addEventListener("beforeunload", (event) => {
    if (dirty() || state.saving) { keepDraft(); event.preventDefault(); event.returnValue = ""; }
  });

  async function flush() {
    clearTimeout(saveTimer);
    if (state.saving) await state.saving;
    if (dirty()) await save();
    return !dirty() && !state.conflict;
  }

  // ---- conflicts (412) -------------------------------------------------------------------------
  const conflictDialog = document.getElementById("conflict-dialog");
  function openConflict() {
    state.conflict = true;
    keepDraft();
    showState("conflict", "Changed elsewhere — choose what to keep");
    if (!conflictDialog.open) conflictDialog.showModal();
  }

  conflictDialog.addEventListener("cancel", (event) => event.preventDefault());
  document.querySelector("[data-resolve-conflict]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    const choice = conflictDialog.querySelector("input[name=conflict]:checked").value;
    button.disabled = true;
    try {
      if (choice === "theirs") { localStorage.removeItem(draftKey); window.onbeforeunload = null; state.saved = JSON.stringify(body()); location.reload(); return; }
      if (choice === "copy") {
        const mine = body();
        const response = await R.request("/api/resumes", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...mine, title: `${mine.title} (my edits)`.slice(0, 200) }),
        });
        if (!response.ok) { R.toast(await R.errorMessage(response), "error"); return; }
        const copy = await response.json();
        localStorage.removeItem(draftKey);
        state.saved = JSON.stringify(body());
        location.assign(`/resumes/${copy.id}/edit`);
        return;
      }
      const latest = await R.request(api);
      if (!latest.ok) { R.toast(await R.errorMessage(latest), "error"); return; }
      state.version = (await latest.json()).version;
      state.conflict = false;
      conflictDialog.close();
      await save();
      R.toast("Your version is saved. The other one is in History.", "ok");
    } finally {
      button.disabled = false;
    }
  });

  // ---- changes ------------------------------------------------------------------------------------
  function onChange() {
    if (!state.conflict) showState("pending", "Unsaved changes");
    schedulePreview();
    scheduleSave();
  }

  form.addEventListener("input", (event) => {
    const input = event.target;
    if (input.matches("[data-theme]")) applyThemeInput(input);
    if (input.hasAttribute("aria-invalid")) { clearFieldErrors(input.dataset.errorFrom || ""); }
    const entry = input.closest("[data-entry]");
    if (entry && input.matches("[data-key]")) updateHeading(entry);
    onChange();
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-theme], [data-visible], [data-template-select]")) {
      if (event.target.matches("[data-theme]")) applyThemeInput(event.target);
      onChange();
    }
  });
  form.addEventListener("editor:changed", onChange);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.querySelector("[data-title]").addEventListener("input", (event) => {
    state.title = event.target.value;
    onChange();
  });

  function updateHeading(entry) {
    const name = entry.querySelector("[data-entry-name]");
    const keys = name.dataset.heading.split(",");
    const parts = keys.map((key) => [...entry.querySelectorAll(`[data-key="${key}"]`)].find((el) => ownEntry(el, entry))?.value.trim()).filter(Boolean);
    name.textContent = parts.join(" · ") || name.dataset.empty;
  }

  // ---- design ------------------------------------------------------------------------------------
  function applyThemeInput(input) {
    const key = input.dataset.theme;
    let value = input.value;
    if (input.type === "range") value = Number(value);
    if (input.type === "radio" && !input.checked) return;
    state.theme[key] = value === "" ? null : value;
    const output = form.querySelector(`[data-output="${key}"]`);
    if (output) output.textContent = `${key === "marginMm" ? Math.round(value) : value}${input.dataset.unit || ""}`;
    markSwatch();
  }

  function markSwatch() {
    const colour = (state.theme.accentColor || defaults[state.templateId]?.accentColor || "").toLowerCase();
    form.querySelectorAll("[data-swatch]").forEach((s) => s.setAttribute("aria-pressed", String(s.dataset.swatch.toLowerCase() === colour)));
  }

  form.addEventListener("click", (event) => {
    const swatch = event.target.closest("[data-swatch]");
    if (swatch) {
      const picker = form.querySelector('[data-theme="accentColor"]');
      picker.value = swatch.dataset.swatch;
      applyThemeInput(picker);
      onChange();
    }
    if (event.target.closest("[data-reset-theme]")) {
      for (const key of ["accentColor", "fontFamily", "fontSize", "lineHeight", "marginMm"]) state.theme[key] = null;
      showDesign();
      onChange();
    }
  });

  // Controls show the resume's own choice, or the template's default where it has none.
  function showDesign() {
    const base = defaults[state.templateId] || {};
    const value = (key) => state.theme[key] ?? base[key];
    form.querySelector('[data-theme="accentColor"]').value = value("accentColor");
    form.querySelector('[data-theme="fontFamily"]').value = state.theme.fontFamily || "";
    for (const key of ["fontSize", "lineHeight", "marginMm"]) {
      const input = form.querySelector(`[data-theme="${key}"]`);
      input.value = value(key);
      form.querySelector(`[data-output="${key}"]`).textContent = `${key === "marginMm" ? Math.round(value(key)) : value(key)}${input.dataset.unit}`;
    }
    markSwatch();
  }

  form.querySelector("[data-template-select]").addEventListener("change", (event) => {
    state.templateId = event.target.value;
    showDesign();
  });

  // ---- tabs and the phone layout's Edit / Preview switch ---------------------------------------------
  const tabs = [...document.querySelectorAll("[data-tab]")];
  function selectTab(tab) {
    tabs.forEach((t) => {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.querySelector(`[data-panel="${t.dataset.tab}"]`).hidden = !on;
    });
    tab.focus();
  }
  tabs.forEach((tab) => {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) { event.preventDefault(); selectTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]); }
    });
  });
  document.querySelectorAll("[data-show-view]").forEach((button) => button.addEventListener("click", () => {
    root.dataset.view = button.dataset.showView;
    document.querySelectorAll("[data-show-view]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    fitPreview();
  }));

  // ---- history ---------------------------------------------------------------------------------------
  const historyDialog = document.getElementById("history-dialog");
  document.querySelector("[data-open-history]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    if (!(await flush())) { R.toast("Save your changes first: restoring needs them saved.", "error"); return; }
    historyDialog.showModal();
    htmx.trigger(button, "open-history");
  });

  // ---- download --------------------------------------------------------------------------------------
  const download = document.querySelector("[data-download]");
  const downloadLabel = document.querySelector("[data-download-label]");
  const downloadIdle = downloadLabel.innerHTML;
  download.addEventListener("click", async () => {
    download.disabled = true;
    download.classList.add("is-busy");
    downloadLabel.textContent = "Saving…";
    try {
      if (!(await flush())) { R.toast("The PDF is printed from the saved resume; it couldn't be saved yet.", "error"); return; }
      for (let attempt = 0; attempt < 4; attempt += 1) {
        downloadLabel.textContent = "Preparing PDF…";
        const response = await R.request(`${api}/generate-pdf`, { method: "POST" });
        if (response.ok) {
          const pdf = await response.json();
          const link = document.createElement("a");
          link.href = pdf.url;
          link.download = "";
          document.body.append(link);
          link.click();
          link.remove();
          R.toast(`PDF ready: ${pdf.pages} page${pdf.pages === 1 ? "" : "s"}.`, "ok");
          return;
        }
        if (response.status !== 503) { R.toast(await R.errorMessage(response), "error"); return; }
        const wait = Number(response.headers.get("Retry-After") || 2);
        downloadLabel.textContent = "Printer busy — waiting…";
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 10) * 1000));
      }
      R.toast("Our PDF printer is very busy right now. Please try again in a minute.", "error");
    } catch (_) {
      R.toast("You seem to be offline. The PDF will be ready when you're back.", "error");
    } finally {
      download.disabled = false;
      download.classList.remove("is-busy");
      downloadLabel.innerHTML = downloadIdle;
    }
  });

  // ---- start ---------------------------------------------------------------------------------------------
  state.saved = JSON.stringify(body());
  markSwatch();
  const restored = new URLSearchParams(location.search).get("restored");
  if (restored) {
    R.toast(`Version ${restored} restored as the current version.`, "ok");
    history.replaceState(null, "", location.pathname);
  }
  // Edits kept by this browser that never reached the server (offline, tab closed) come back.
  try {
    const kept = JSON.parse(localStorage.getItem(draftKey) || "null");
    if (kept && kept.version === state.version && JSON.stringify(kept.body) !== state.saved) {
      R.toast("Unsaved edits from your last visit were kept in this browser. Restoring them…", "ok");
      applyKept(kept.body);
    } else {
      localStorage.removeItem(draftKey);
    }
  } catch (_) { /* unreadable draft: ignore */ }

  function applyKept(kept) {
    // Simplest faithful way: save the kept body as the next version, then reload to show it.
    state.saved = null;
    R.request(api, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", "If-Match": `"${state.version}"` },
      body: JSON.stringify(kept),
    }).then((response) => {
      localStorage.removeItem(draftKey);
      if (response.ok) location.reload();
      else if (response.status === 412) openConflict();
    });
  }

  window.ResumateEditor = { body, flush, state };
})();
