// The document, read back from the form: the JSON Resume data, with what the form has no
// inputs for carried over (data-extra, and the rest of the document the page was served).
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
    if (ownEntry(input, entry)) setOrDrop(result, input.dataset.key, input.value.trim() === "" ? "" : input.value);
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
