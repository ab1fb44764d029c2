// The editor's inputs by the document paths the API names ("work[0].highlights[2]"), the other
// way round too, and changes written into the form as a save would have read them.
import { ownEntry } from "../document.js";

// The prose a proposal may change; the same pattern as resumate.ai.fields.WRITABLE_PATH (a test
// holds the two together).
export const WRITABLE = /^(?:basics\.(?:label|summary)|(?:work|volunteer)\[\d{1,3}\]\.(?:summary|highlights\[\d{1,3}\])|projects\[\d{1,3}\]\.(?:description|highlights\[\d{1,3}\])|(?:awards|publications)\[\d{1,3}\]\.summary)$/;

const filled = (strings) => [...strings.querySelectorAll(":scope > [data-item] [data-value]")].filter((v) => v.value.trim() !== "");

// Where an input sits: its list, entry index and key; `anyIndex` names bullets by shape only.
function locate(input, anyIndex = false) {
  if (input.dataset.field) return input.dataset.field;
  const entry = input.closest("[data-entry]");
  const list = entry?.parentElement;
  if (!list?.dataset.list) return null;
  const index = anyIndex ? 0 : [...list.querySelectorAll(":scope > [data-entry]")].indexOf(entry);
  const base = `${list.dataset.list}[${index}]`;
  if (input.matches("[data-key]")) return `${base}.${input.dataset.key}`;
  const strings = input.closest("[data-strings]");
  if (!strings || !input.matches("[data-value]")) return null;
  const at = anyIndex ? 0 : filled(strings).indexOf(input);
  return at < 0 ? null : `${base}.${strings.dataset.strings}[${at}]`;
}

// The path of an input as the saved document has it (null for an empty bullet: it is not saved).
export const pathOf = (input) => locate(input);

// Whether a proposal could change this input, wherever it is moved to.
export const mayRewrite = (input) => WRITABLE.test(locate(input, true) || "");

// The input for a path; a list path without an index ("work[0].highlights") gives the bullets' list.
export function inputFor(form, path) {
  const parts = path.replace(/^data\./, "").match(/[^.[\]]+/g) || [];
  if (parts[0] === "basics" && parts[1] !== "profiles") {
    return form.querySelector(`[data-field="basics.${parts.slice(1, 3).join(".")}"]`);
  }
  const listName = parts[0] === "basics" ? "basics.profiles" : parts[0];
  const rest = parts[0] === "basics" ? parts.slice(2) : parts.slice(1);
  const list = form.querySelector(`[data-list="${listName}"]`);
  const entry = list?.querySelectorAll(":scope > [data-entry]")[Number(rest[0])];
  if (!entry || rest[1] === undefined) return null;
  const found = [...entry.querySelectorAll(`[data-key="${rest[1]}"], [data-strings="${rest[1]}"]`)].find((el) => ownEntry(el, entry));
  if (found?.matches("[data-strings]") && rest[2] !== undefined) return filled(found)[Number(rest[2])] || null;
  return found || null;
}

// What a person calls the field: "Work · Designer · Acme — bullet 2".
export function describe(form, path) {
  const input = inputFor(form, path);
  if (!input) return path;
  const bullet = path.match(/\[(\d+)\]$/);
  const field = input.closest(".field");
  const own = field?.querySelector(":scope > label, :scope > .label")?.textContent.trim() || "";
  const entry = input.closest("[data-entry]");
  const section = input.closest("details")?.querySelector(".ed-section-title")?.textContent.trim();
  const name = entry?.querySelector("[data-entry-name]")?.textContent.trim();
  const what = input.matches("[data-value]") && bullet ? `${own.replace(/s$/, "")} ${Number(bullet[1]) + 1}` : own;
  return [section, name, what].filter(Boolean).join(" · ");
}

// Opens the section and entry an input is folded away in.
export function unfold(input) {
  input.closest("details")?.setAttribute("open", "");
  const entry = input.closest("[data-entry]");
  if (entry) {
    entry.querySelector(".entry-body").hidden = false;
    entry.querySelector("[data-toggle]")?.setAttribute("aria-expanded", "true");
  }
}

// Shows an input wherever it is folded away (tab, section, entry) and puts the focus in it.
export function reveal(input) {
  const tab = document.getElementById("tab-content");
  if (tab.getAttribute("aria-selected") !== "true") tab.click();
  unfold(input);
  input.scrollIntoView({ block: "center" });
  input.focus();
}

// What just changed is unfolded and glows for a moment, so the person sees where it landed.
function marked(input) {
  unfold(input);
  input.classList.remove("ai-applied");
  requestAnimationFrame(() => input.classList.add("ai-applied"));
}

function appendBullet(strings, text) {
  const template = strings.parentElement.querySelector(":scope > [data-string-template]");
  const item = template.content.firstElementChild.cloneNode(true);
  item.querySelector("[data-value]").value = text;
  strings.append(item);
  marked(item.querySelector("[data-value]"));
}

// Writes accepted changes into the form; false (nothing written) when one has no input here.
export function writeChanges(form, changes) {
  const steps = [];
  for (const change of changes) {
    if (change.original === "") {
      const strings = inputFor(form, change.path.replace(/\[\d+\]$/, ""));
      if (!strings?.matches("[data-strings]")) return false;
      steps.push(() => appendBullet(strings, change.new));
      continue;
    }
    const input = inputFor(form, change.path);
    if (!input || input.matches("[data-strings]")) return false;
    if (change.new === "" && input.matches("[data-value]")) steps.push(() => input.closest("[data-item]").remove());
    else steps.push(() => { input.value = change.new; marked(input); });
  }
  // Found first, written after: removing a bullet would move the ones after it.
  steps.forEach((step) => step());
  return true;
}
