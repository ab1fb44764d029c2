// The document, read back from the form: the JSON Resume data, with what the form has no
// inputs for carried over (data-extra, and the rest of the document the page was served).
import { readCustomSections, withCustomKeys } from "./custom-sections.js";
import { dateValue } from "./dates.js";
import { readSections } from "./sections.js";

export const ownEntry = (el, entry) => el.closest("[data-entry]") === entry;

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
    // A date stores its reading ("March 2021" → "2021-03"), or the value it had when unreadable.
    const value = input.matches("[data-date]") ? dateValue(input) : input.value;
    if (ownEntry(input, entry)) setOrDrop(result, input.dataset.key, value.trim() === "" ? "" : value);
  });
  entry.querySelectorAll("[data-strings]").forEach((list) => {
    if (ownEntry(list, entry)) setOrDrop(result, list.dataset.strings, readStrings(list));
  });
  return result;
}

// body(): what a save sends (title, template, data, theme), as the form shows it now.
export function documentReader({ form, original, state }) {
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
    // The summary's card holds basics.summary, not a list of its own.
    form.querySelectorAll("[data-section]:has([data-list])").forEach((section) => {
      setOrDrop(doc, section.dataset.section, readList(section.dataset.section));
    });
    setOrDrop(doc, "customSections", readCustomSections(form, readList));
    return doc;
  }

  function readTheme() {
    const sections = readSections(form, state.theme);
    // "Heading on the page": only the ones the person wrote; an empty one prints the default.
    const titles = { ...state.theme.sectionTitles };
    form.querySelectorAll("[data-section-title]").forEach((input) => setOrDrop(titles, input.dataset.sectionTitle, input.value.trim()));
    const shown = withCustomKeys(sections.sectionOrder, form);
    return {
      ...state.theme,
      sectionOrder: shown,
      hiddenSections: sections.hiddenSections.filter((key) => shown.includes(key)),
      sectionTitles: titles,
    };
  }

  return function body() {
    return { title: state.title.trim() || "Untitled resume", templateId: state.templateId, data: readDocument(), theme: readTheme() };
  };
}

// What names an entry while it is folded ("Designer · Acme"), from its own inputs.
export function updateHeading(entry) {
  const name = entry.querySelector("[data-entry-name]");
  const keys = name.dataset.heading.split(",");
  const parts = keys.map((key) => [...entry.querySelectorAll(`[data-key="${key}"]`)].find((el) => ownEntry(el, entry))?.value.trim()).filter(Boolean);
  name.textContent = parts.join(" · ") || name.dataset.empty;
}
