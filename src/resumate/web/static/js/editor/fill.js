// A document shown in the form: every input its value, every list its entries (made from the
// list's own <template> where there are more), and what the form has no input for kept in the
// entries' data-extra, so that document.js reads exactly this document back.
import { ownEntry, updateHeading } from "./document.js";

const asObject = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
const asList = (value) => (Array.isArray(value) ? value : []);

function setValue(input, value) {
  input.value = value === undefined || value === null ? "" : String(value);
}

// What `item` has beyond `known`, as data-extra keeps it.
function extra(item, known) {
  return JSON.stringify(Object.fromEntries(Object.entries(item).filter(([key]) => !known.has(key))));
}

function fillStrings(list, values) {
  const template = list.parentElement.querySelector(":scope > [data-string-template]");
  const items = [...list.querySelectorAll(":scope > [data-item]")];
  const wanted = asList(values).filter((value) => typeof value === "string");
  items.slice(wanted.length).forEach((item) => item.remove());
  wanted.forEach((value, at) => {
    const item = items[at] || list.appendChild(window.EditorLists.fromTemplate(template));
    setValue(item.querySelector("[data-value]"), value);
  });
}

function fillEntry(entry, item) {
  const known = new Set();
  entry.querySelectorAll("[data-key]").forEach((input) => {
    if (!ownEntry(input, entry)) return;
    known.add(input.dataset.key);
    setValue(input, item[input.dataset.key]);
  });
  entry.querySelectorAll("[data-strings]").forEach((list) => {
    if (!ownEntry(list, entry)) return;
    known.add(list.dataset.strings);
    fillStrings(list, item[list.dataset.strings]);
  });
  entry.dataset.extra = extra(item, known);
  updateHeading(entry);
}

function fillList(list, items) {
  const template = list.parentElement.querySelector(":scope > [data-entry-template]");
  const entries = [...list.querySelectorAll(":scope > [data-entry]")];
  const wanted = asList(items).map(asObject);
  entries.slice(wanted.length).forEach((entry) => entry.remove());
  wanted.forEach((item, at) => fillEntry(entries[at] || list.appendChild(window.EditorLists.fromTemplate(template)), item));
  window.EditorLists.refresh(list);
}

// The entries of the list named `name`: a section, the profiles, or a section of the person's own.
function itemsOf(data, name) {
  if (name === "basics.profiles") return asObject(data.basics).profiles;
  if (name.startsWith("custom-")) {
    return asList(data.customSections).find((custom) => `custom-${custom?.id}` === name)?.items;
  }
  return data[name];
}

export function fillForm(form, data) {
  const basics = asObject(data.basics);
  const location = asObject(basics.location);
  const knownBasics = new Set(["location", "profiles"]);
  const knownLocation = new Set();
  form.querySelectorAll("[data-field]").forEach((input) => {
    const [, key, inner] = input.dataset.field.split(".");
    if (key === "location") { knownLocation.add(inner); setValue(input, location[inner]); } else { knownBasics.add(key); setValue(input, basics[key]); }
  });
  form.querySelector("[data-basics]").dataset.extra = extra(basics, knownBasics);
  form.querySelector("[data-location]").dataset.extra = extra(location, knownLocation);
  form.querySelectorAll("[data-list]").forEach((list) => fillList(list, itemsOf(data, list.dataset.list)));
  form.dispatchEvent(new CustomEvent("editor:filled", { bubbles: true }));
}
