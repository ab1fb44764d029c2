// The editor: builds the JSON Resume document from the form, previews every change within a
// moment, saves it (If-Match, so nothing is overwritten silently) and prints the PDF.
// This module wires the parts together; each lives in a module of its own beside it.
import { setupAssistant } from "./assistant/index.js";
import { setupConflicts } from "./conflicts.js";
import { setupCountry } from "./country.js";
import { setupCustomSections } from "./custom-sections.js";
import { setupDates } from "./dates.js";
import { setupDesign } from "./design.js";
import { documentReader, updateHeading } from "./document.js";
import { setupDownload } from "./download.js";
import { setupEmptyStart } from "./empty.js";
import { draftStore } from "./drafts.js";
import { fieldErrors } from "./errors.js";
import { setupFit } from "./fit.js";
import { fillForm } from "./fill.js";
import { setupHistory } from "./history.js";
import { readPage } from "./page.js";
import { setupPhoto } from "./photo.js";
import { setupParser } from "./parser.js";
import { setupPreview } from "./preview.js";
import { setupSave } from "./save.js";
import { setupSections } from "./sections.js";
import { setupSent } from "./sent.js";
import { setupShare } from "./share.js";
import { setupTabs } from "./tabs.js";
import { setupUndo } from "./undo.js";

function start(root) {
  const page = readPage(root);
  const { R, form, state, showState } = page;
  const body = documentReader(page);
  const errors = fieldErrors(page);
  const preview = setupPreview(page, { body, errors });
  const drafts = draftStore(page, body);
  // Each needs the other: a refused save opens the dialog, and keeping mine saves again.
  const dates = setupDates(page, { errors });
  const saving = setupSave(page, { body, errors, drafts, held: dates.held, onConflict: () => conflicts.open() });
  const conflicts = setupConflicts(page, { body, drafts, save: saving.save });
  const design = setupDesign(page, { onChange });
  setupFit(page, { body, showTheme: design.showTheme });
  setupCustomSections(page, { onChange });
  setupPhoto(page, { onChange });
  const sections = setupSections(page);
  setupCountry(page);
  setupTabs(page, { fitPreview: preview.fit });
  setupHistory(page, { flush: saving.flush });
  setupDownload(page, { flush: saving.flush });
  setupParser(page, { flush: saving.flush });
  setupShare(page);
  setupSent(page);
  setupAssistant(page, { body, flush: saving.flush, preview });

  // ---- changes: every edit is previewed, then saved ----------------------------------------
  function onChange() {
    if (!state.conflict) showState("pending", "Unsaved changes");
    preview.schedule();
    saving.schedule();
  }

  form.addEventListener("input", (event) => {
    const input = event.target;
    if (input.matches("[data-theme]")) design.applyInput(input);
    if (input.hasAttribute("aria-invalid")) { errors.clear(input.dataset.errorFrom || ""); }
    const entry = input.closest("[data-entry]");
    if (entry && input.matches("[data-key]")) updateHeading(entry);
    onChange();
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-theme], [data-template-select]")) {
      if (event.target.matches("[data-theme]")) design.applyInput(event.target);
      onChange();
    }
  });
  form.addEventListener("editor:changed", onChange);

  // A whole resume shown in the form (an undo, the sample), then previewed and saved.
  function show(kept) {
    fillForm(form, kept.data);
    if (kept.title !== undefined) { state.title = kept.title; page.titleInput.value = kept.title; }
    if (kept.theme) {
      state.templateId = kept.templateId;
      state.theme = { ...kept.theme };
      form.querySelectorAll("[data-section-title]").forEach((input) => { input.value = state.theme.sectionTitles?.[input.dataset.sectionTitle] ?? ""; });
      design.showTheme();
      sections.show(state.theme);
    }
    onChange();
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  page.titleInput.addEventListener("input", (event) => {
    state.title = event.target.value;
    onChange();
  });

  // ---- start -----------------------------------------------------------------------------------
  sections.show(state.theme);
  state.saved = JSON.stringify(body());
  setupUndo(page, { body, restore: show });
  setupEmptyStart(page, { body, fill: (data) => show({ data }) });
  design.markSwatch();
  const restored = new URLSearchParams(location.search).get("restored");
  if (restored) {
    R.toast(`Version ${restored} restored as the current version.`, "ok");
    history.replaceState(null, "", location.pathname);
  }
  drafts.restore({ onConflict: conflicts.open });

  window.ResumateEditor = { body, flush: saving.flush, state };
  // Inert until now (the page says so): nothing clicked or typed before this moment is lost.
  document.querySelectorAll("[data-until-editor-ready]").forEach((el) => { el.inert = false; });
}

const root = document.querySelector("[data-editor]");
if (root) start(root);
