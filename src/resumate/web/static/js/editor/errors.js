// Field errors the server reports (422), shown at their inputs; each is marked with where it
// came from (the preview or a save), so one source's errors clear without the other's.
import { ownEntry } from "./document.js";

function humanError(message) {
  const text = String(message || "is not valid");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function fieldErrors({ form, titleInput }) {
  // "data.work[1].startDate" → the input for that key in the second work entry.
  function inputFor(path) {
    const parts = path.replace(/^data\./, "").match(/[^.[\]]+/g) || [];
    if (parts[0] === "title") return titleInput;
    if (parts[0] === "customSections") {
      // "customSections[0].items[1].url": the section's card, then its own list by its id.
      const card = form.querySelectorAll("[data-custom-section]")[Number(parts[1])];
      if (!card || parts[2] !== "items") return card?.querySelector("[data-custom-title]") || null;
      parts.splice(0, 3, `custom-${card.dataset.customSection}`);
    }
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

  function clear(source) {
    form.querySelectorAll(`[data-error-from="${source}"]`).forEach((el) => {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("data-error-from");
      document.getElementById(el.id + "-error")?.remove();
      const described = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== `${el.id}-error`);
      if (described.length) el.setAttribute("aria-describedby", described.join(" "));
      else el.removeAttribute("aria-describedby");
    });
  }

  function show(fields, source) {
    clear(source);
    for (const field of fields) mark(inputFor(field.field), field.message, source);
  }

  // One input marked invalid, its message after it (after a date's calendar button too).
  function mark(input, text, source) {
    if (!input || input.hasAttribute("aria-invalid")) return;
    const entry = input.closest("[data-entry]");
    if (entry) { entry.querySelector(".entry-body").hidden = false; entry.querySelector("[data-toggle]")?.setAttribute("aria-expanded", "true"); }
    input.closest("details")?.setAttribute("open", "");
    input.setAttribute("aria-invalid", "true");
    input.dataset.errorFrom = source;
    if (!input.id) input.id = `field-${Math.random().toString(36).slice(2)}`;
    const message = document.createElement("p");
    message.className = "field-error";
    message.id = input.id + "-error";
    message.textContent = humanError(text);
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== message.id);
    input.setAttribute("aria-describedby", [message.id, ...described].join(" "));
    (input.closest(".date-box") || input).insertAdjacentElement("afterend", message);
  }

  return { show, clear, mark };
}
