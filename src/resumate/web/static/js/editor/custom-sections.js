// Sections the person names themselves (the document's customSections): add one with a title,
// rename it, delete it. Each is printed where its key, "custom-<id>", stands in the section order.
const PREFIX = "custom-";

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => (b % 36).toString(36)).join("");
}

// The document's customSections as the form shows them, each with the keys it has no input for.
export function readCustomSections(form, readList) {
  return [...form.querySelectorAll("[data-custom-section]")].map((card) => ({
    ...JSON.parse(card.dataset.extra || "{}"),
    id: card.dataset.customSection,
    title: card.querySelector("[data-custom-title]").value.trim(),
    items: readList(PREFIX + card.dataset.customSection),
  }));
}

// The section order with the form's own sections in it: one the order does not list yet goes at
// the end, one deleted from the form leaves it.
export function withCustomKeys(order, form) {
  const present = [...form.querySelectorAll("[data-custom-section]")].map((card) => PREFIX + card.dataset.customSection);
  const kept = order.filter((key) => !key.startsWith(PREFIX) || present.includes(key));
  return [...kept, ...present.filter((key) => !kept.includes(key))];
}

// The card's controls name the section they move or hide: "Move Patents up".
function relabel(wrapper, title) {
  const before = wrapper.dataset.label;
  wrapper.dataset.label = title;
  for (const control of wrapper.querySelectorAll(":scope > .card-bar [aria-label]")) {
    control.setAttribute("aria-label", control.getAttribute("aria-label").replace(before, title));
  }
}

export function setupCustomSections({ R, form }, { onChange }) {
  const adding = form.querySelector(".add-section");
  const titleInput = form.querySelector("[data-new-section-title]");
  const template = form.querySelector("[data-custom-section-template]");

  // Tells whoever lists the sections (the order and visibility list) that one came or went.
  function tell(kind, key, title) {
    form.dispatchEvent(new CustomEvent(`editor:section-${kind}`, { bubbles: true, detail: { key, title } }));
  }

  function add() {
    const title = titleInput.value.trim();
    if (!title) {
      titleInput.focus();
      R.toast("Give the section a title first, e.g. “Patents”.", "error");
      return;
    }
    const id = newId();
    const holder = document.createElement("template");
    holder.innerHTML = template.innerHTML.replaceAll("__cid__", id).trim();
    // The new section's card (section_card) goes after the others, as its key ends the order.
    const wrapper = holder.content.firstElementChild;
    const card = wrapper.querySelector("[data-custom-section]");
    card.querySelector("[data-custom-name]").textContent = title;
    card.querySelector("[data-custom-title]").value = title;
    relabel(wrapper, title);
    adding.before(wrapper);
    titleInput.value = "";
    card.querySelector("[data-add-entry]").focus();
    tell("added", PREFIX + id, title);
    onChange();
  }

  function remove(card) {
    const title = card.querySelector("[data-custom-title]").value.trim() || "this section";
    const count = card.querySelectorAll("[data-entry]").length;
    if (count && !window.confirm(`Delete “${title}” and its ${count === 1 ? "entry" : `${count} entries`}? History keeps the version before.`)) return;
    const key = PREFIX + card.dataset.customSection;
    (card.closest("[data-card]") || card).remove();
    titleInput.focus();
    tell("removed", key, title);
    R.toast(`“${title}” deleted.`, "ok");
    onChange();
  }

  form.addEventListener("click", (event) => {
    if (event.target.closest("[data-add-section]")) add();
    const removeButton = event.target.closest("[data-remove-section]");
    if (removeButton) remove(removeButton.closest("[data-custom-section]"));
  });
  titleInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); add(); }
  });
  // Renaming: the card's header follows the title as it is typed.
  form.addEventListener("input", (event) => {
    const input = event.target.closest("[data-custom-title]");
    if (!input) return;
    const card = input.closest("[data-custom-section]");
    card.querySelector("[data-custom-name]").textContent = input.value.trim() || "Untitled section";
    const wrapper = card.closest("[data-card]");
    if (wrapper) relabel(wrapper, input.value.trim() || "this section");
    tell("renamed", PREFIX + card.dataset.customSection, input.value.trim());
  });
}
