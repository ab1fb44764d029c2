// The writing check's findings: listed in the panel, and each shown as a small note under its
// field. A suggested edit is never applied here: it opens the proposal review.
import { h } from "./dom.js";
import { describe, inputFor, reveal } from "./fields.js";

const NOTE = "ai-note";
const KINDS = {
  weak_opener: "Weak opener", no_number: "No number", tense: "Tense", too_long: "Too long", too_short: "Too short",
  buzzword: "Cliché", repeated_verb: "Repeated verb", first_person: "First person", date_gap: "Date gap",
  date_overlap: "Dates overlap", date_order: "Date order", contact_missing: "Contact details", spelling: "Spelling",
  grammar: "Grammar",
};
const kindName = (kind) => KINDS[kind] || String(kind || "Note").replace(/_/g, " ");

// Notes sit after their input; a bullet's note goes at the end of its row.
function place(input) {
  return input.matches("[data-value]") ? input.closest("[data-item]") : input.closest(".field") || input.parentElement;
}

function drop(note) {
  const input = document.querySelector(`[aria-describedby~="${note.id}"]`);
  if (input) {
    const rest = input.getAttribute("aria-describedby").split(" ").filter((id) => id !== note.id);
    if (rest.length) input.setAttribute("aria-describedby", rest.join(" ")); else input.removeAttribute("aria-describedby");
  }
  note.remove();
}

export function clearNotes(form) {
  form.querySelectorAll(`.${NOTE}`).forEach(drop);
  form.querySelectorAll("[data-ai-mark]").forEach((mark) => mark.remove());
}

// A folded entry says it has notes inside.
function markEntry(input) {
  const name = input.closest("[data-entry]")?.querySelector("[data-entry-name]");
  const mark = name?.parentElement.querySelector("[data-ai-mark]") || (name && h("span", { class: "ai-mark", "data-ai-mark": true, "data-count": "0" }));
  if (!mark) return;
  const count = Number(mark.dataset.count) + 1;
  mark.dataset.count = String(count);
  mark.textContent = `${count} note${count === 1 ? "" : "s"}`;
  name.after(mark);
}

function noteUnder(input, finding) {
  if (!input.id) input.id = `field-${Math.random().toString(36).slice(2)}`;
  const id = `${input.id}-ai-note`;
  let note = document.getElementById(id);
  if (!note) {
    note = h("div", { class: NOTE, id, "data-ai-note": true });
    place(input).append(note);
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    input.setAttribute("aria-describedby", [...described, id].join(" "));
  }
  note.append(h("p", { text: finding.message }));
  markEntry(input);
}

export function showFindings(box, form, { findings }, { suggest }) {
  clearNotes(form);
  if (!findings.length) {
    box.replaceChildren(h("p", { class: "ai-all-good", text: "Nothing to point out. Well written!" }));
    return;
  }
  const items = findings.map((finding) => {
    const input = finding.path ? inputFor(form, finding.path) : null;
    if (input && !input.matches("[data-strings]")) noteUnder(input, finding);
    const where = finding.label || (finding.path ? describe(form, finding.path) : "");
    return h("li", { class: "ai-finding" },
      h("p", { class: "ai-finding-head" }, h("span", { class: "ai-note-kind", text: kindName(finding.kind) }), where ? h("span", { class: "hint", text: where }) : null),
      h("p", { class: "ai-finding-message", text: finding.message }),
      h("div", { class: "ai-finding-actions" },
        input ? h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => reveal(input) }, "Show") : null,
        finding.suggestion ? h("button", { type: "button", class: "btn btn-small", onclick: () => suggest(finding) }, "Review suggestion") : null));
  });
  box.replaceChildren(
    h("p", { class: "ai-count", text: `${findings.length} note${findings.length === 1 ? "" : "s"}` }),
    h("ol", { class: "ai-findings" }, items));
}

// An edited field's notes are about words that are gone.
export function forgetNotesOnEdit(form) {
  form.addEventListener("input", (event) => {
    const input = event.target;
    const note = input.id && document.getElementById(`${input.id}-ai-note`);
    if (note) drop(note);
  });
}
