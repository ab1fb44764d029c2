// Tidying a reviewed import with the person's assistant: offered only when writing help is on
// for them (as the editor's Assistant decides, from /api/ai/status). The file is read again and
// the assistant moves what was read into the wrong field; the form is rebuilt from its answer,
// each field it changed marked "Moved by the assistant", to check against the file.
import { ReviewForm } from "./import-review-form.js";

const API = "/api/resumes/import/tidy";
const MOVED_NOTE = "The assistant put this here: check it against your file.";
const { request, errorMessage } = window.Resumate;

const pick = document.getElementById("review-pick");
const fileInput = document.getElementById("review-file");
const pasted = document.getElementById("review-text");
const form = document.getElementById("review-form");
const createButton = document.getElementById("review-create");
const asked = "Tidy with the assistant";
// The button's words, beside its spinner; the button joins the actions once an assistant is known.
const label = document.createTextNode(asked);
const tidyButton = document.createElement("button");
let tidied = null;
let status = null;
// Whether the person corrected a field of the form that tidying would replace.
let edited = false;

function busy(button, on) {
  button.classList.toggle("is-busy", on);
  button.disabled = on;
}

// The file the page read: the one chosen, or the text pasted (as the review sends it).
function chosen() {
  const file = fileInput.files[0];
  if (file) return file;
  const text = pasted.value.trim();
  return text ? new File([text], "pasted.md", { type: "text/markdown" }) : null;
}

// What the assistant did, said above the fields: a polite live region, made once.
function statusLine() {
  if (!status) {
    status = document.createElement("div");
    status.className = "review-tidy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-label", "What the assistant did");
    form.before(status);
  }
  return status;
}

function report(sentence, notes = []) {
  const line = document.createElement("p");
  line.className = "hint";
  line.textContent = sentence;
  const list = document.createElement("ul");
  list.className = "review-notes";
  list.replaceChildren(...notes.map((note) => {
    const item = document.createElement("li");
    item.textContent = note.message;
    return item;
  }));
  statusLine().replaceChildren(line, ...(notes.length ? [list] : []));
}

async function problem(response) {
  if (response.status === 413) return "This file is too large to send to the assistant. The fields read from it are unchanged.";
  return `The assistant could not tidy this: ${await errorMessage(response)}`;
}

// A field the assistant changed: the field itself, or a line or item of it.
function changedIn(path, changed) {
  return changed.some((other) => other === path || other.startsWith(`${path}[`) || other.startsWith(`${path}.`));
}

function mark(changed) {
  let count = 0;
  for (const input of form.querySelectorAll("[data-path]")) {
    if (!changedIn(input.dataset.path, changed)) continue;
    count += 1;
    const wrap = input.closest(".field");
    wrap.classList.add("review-unsure");
    const badge = document.createElement("span");
    badge.className = "badge badge-check";
    badge.textContent = "Moved by the assistant";
    const name = wrap.querySelector("label");
    name.classList.remove("sr-only"); // a row's label, said once above the first, is shown here
    name.append(" ", badge);
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.id = `${input.id}-moved`;
    hint.textContent = MOVED_NOTE;
    wrap.append(hint);
    const described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", described ? `${described} ${hint.id}` : hint.id);
  }
  return count;
}

function show(answer) {
  const notes = answer.warnings.filter((note) => note.path === "(assistant)");
  if (!answer.changed.length) {
    report("The fields read are unchanged.", notes);
    return false;
  }
  tidied = new ReviewForm(form, answer, Number(pick.dataset.unsure));
  tidied.build();
  // The review creates the resume from this form from now on.
  document.dispatchEvent(new CustomEvent("review:form", { detail: tidied }));
  edited = false;
  const count = mark(answer.changed);
  const fields = `${count} ${count === 1 ? "field" : "fields"}`;
  report(`The assistant moved text in ${fields}, marked “Moved by the assistant”: check each against your file.`
    + " Anything it gave that is not in your file is left as read, with a note.", notes);
  label.textContent = "Tidied by the assistant";
  return true;
}

async function tidy() {
  const file = chosen();
  if (!file || tidied) return;
  if (edited && !confirm("The assistant tidies what was read from the file: the corrections you made here will be replaced. Tidy anyway?")) return;
  busy(tidyButton, true);
  const body = new FormData();
  body.append("file", file);
  let done = false;
  try {
    const response = await request(API, { method: "POST", body });
    if (response.ok) done = show(await response.json());
    else report(await problem(response));
  } catch {
    report("You seem to be offline: the assistant was not asked. The fields read are unchanged.");
  }
  tidyButton.classList.remove("is-busy");
  tidyButton.disabled = done;
  statusLine().scrollIntoView({ block: "nearest" });
}

function reset() {
  tidied = null;
  edited = false;
  status?.remove();
  status = null;
  label.textContent = asked;
  busy(tidyButton, false);
}

async function offer() {
  try {
    const response = await request("/api/ai/status");
    if (!response.ok) return;
    const { generation } = await response.json();
    if (!generation?.on) return;
    createButton.before(tidyButton);
    if (generation.description) tidyButton.title = `Sends the text read — never your contact details — to ${generation.description}`;
  } catch { /* offline: tidying is not offered */ }
}

function setUp() {
  const spinner = document.createElement("span");
  spinner.className = "spinner";
  spinner.setAttribute("aria-hidden", "true");
  Object.assign(tidyButton, { type: "button", className: "btn", id: "review-tidy" });
  tidyButton.append(spinner, label);
}

setUp();
tidyButton.addEventListener("click", tidy);
form.addEventListener("input", () => { edited = true; });
// Before the review's own handler: a capturing listener on the target runs first.
document.getElementById("review-again").addEventListener("click", reset);
offer();
