// Reviewing an import: the file is read (a dry run, nothing saved), shown next to the fields
// found in it, and becomes a resume only when the person presses Create resume.
import { sendToBucket } from "./direct-upload.js";
import { ReviewForm } from "./import-review-form.js";

const API = "/api/resumes/import";
const KINDS = { pdf: "a PDF", docx: "a Word file", linkedin: "LinkedIn's export of your data", text: "a text", json: "a JSON Resume file" };
const { request, errorMessage } = window.Resumate;

const pick = document.getElementById("review-pick");
const reader = document.getElementById("review-read");
const fileInput = document.getElementById("review-file");
const pasted = document.getElementById("review-text");
const fileError = document.getElementById("review-file-error");
const review = document.getElementById("review");
const createButton = document.getElementById("review-create");
const createError = document.getElementById("review-create-error");
const unsure = Number(pick.dataset.unsure);
let current = null;
let blobUrl = "";

function say(element, message) {
  element.textContent = message;
  element.hidden = !message;
}

function busy(button, on) {
  button.classList.toggle("is-busy", on);
  button.disabled = on;
}

// In words, with what the server said about the file when it named it.
async function problem(response) {
  if (response.status === 413) return `That file is too large to read: choose one of up to ${pick.dataset.maxMb} MB.`;
  if (response.status === 503) return "Reading files is busy just now. Wait a moment and try again.";
  if (response.status === 502) return "The file could not be sent to storage. Try again in a moment.";
  try {
    const body = await response.clone().json();
    const named = (body.error.fields || []).find((field) => field.field === "file");
    if (named) return body.error.message || `The file ${named.message}.`;
  } catch { /* not JSON */ }
  return errorMessage(response);
}

function chosen() {
  const file = fileInput.files[0];
  if (file) return file;
  const text = pasted.value.trim();
  return text ? new File([text], "pasted.md", { type: "text/markdown" }) : null;
}

function viaApp(file) {
  const body = new FormData();
  body.append("file", file);
  return request(`${API}?dryRun=true`, { method: "POST", body });
}

// Straight to the uploads bucket, then read from there: the file does not pass through the app.
async function viaBucket(file) {
  const api = pick.dataset.directUpload;
  const sent = await sendToBucket(api, file, Number(pick.dataset.maxMb) * 2 ** 20);
  if (sent.refused) return sent.refused;
  return request(`${api}/${encodeURIComponent(sent.uploadId)}?dryRun=true`, { method: "POST" });
}

async function read(event) {
  event.preventDefault();
  const file = chosen();
  if (!file) {
    say(fileError, "Choose a file, or paste your resume's text.");
    fileInput.setAttribute("aria-invalid", "true");
    return;
  }
  say(fileError, "");
  fileInput.removeAttribute("aria-invalid");
  const button = reader.querySelector('button[type="submit"]');
  busy(button, true);
  try {
    const response = pick.dataset.directUpload ? await viaBucket(file) : await viaApp(file);
    if (!response.ok) {
      say(fileError, await problem(response));
      fileInput.setAttribute("aria-invalid", "true");
      return;
    }
    await show(file, await response.json());
  } catch {
    say(fileError, "You seem to be offline. Check your connection and try again.");
  } finally {
    busy(button, false);
  }
}

async function show(file, answer) {
  current = new ReviewForm(document.getElementById("review-form"), answer, unsure);
  current.build();
  await original(file, answer.kind, answer.pageImages || []);
  summary(answer.warnings.filter((note) => note.path === "(file)"), current.marked);
  say(createError, "");
  pick.hidden = true;
  review.hidden = false;
  // On a phone the panes stack: the original starts folded so the fields are in reach.
  document.getElementById("review-original").open = !matchMedia("(max-width: 860px)").matches;
  document.getElementById("review-count").focus();
}

async function original(file, kind, pageImages) {
  const body = document.getElementById("review-original-body");
  document.getElementById("review-file-name").textContent = file.name === "pasted.md" ? "pasted text" : file.name;
  if (blobUrl) URL.revokeObjectURL(blobUrl);
  blobUrl = "";
  if (kind === "text" || kind === "json") {
    const text = document.createElement("pre");
    text.className = "review-text";
    text.textContent = await file.text();
    body.replaceChildren(text);
    return;
  }
  if (kind !== "pdf") {
    const line = document.createElement("p");
    line.className = "review-kind";
    line.textContent = `${file.name}: ${KINDS[kind] || "a file"}. Its text was read into the fields shown here.`;
    body.replaceChildren(line);
    return;
  }
  blobUrl = URL.createObjectURL(new Blob([file], { type: "application/pdf" }));
  const open = document.createElement("a");
  open.href = blobUrl;
  open.target = "_blank";
  open.rel = "noopener";
  open.className = "review-open";
  open.textContent = "Open the PDF in a new tab";
  body.replaceChildren(pageImages.length ? sheets(pageImages, file.name) : viewer(file.name), open);
}

// The PDF's pages as the server drew them, one above the other: the same in every browser,
// phones included, which mostly show no PDF in a frame.
function sheets(pageImages, name) {
  const stack = document.createElement("div");
  stack.className = "review-sheets";
  // It scrolls beside the fields: a named stop for the keyboard to scroll it.
  stack.tabIndex = 0;
  stack.setAttribute("role", "region");
  stack.setAttribute("aria-label", `The original: ${name}`);
  stack.replaceChildren(...pageImages.map((page, index) => {
    const image = document.createElement("img");
    image.className = "review-sheet";
    if (index > 0) image.loading = "lazy";
    image.width = page.width;
    image.height = page.height;
    image.alt = `Page ${index + 1} of ${pageImages.length} of ${name}`;
    image.src = page.src;
    return image;
  }));
  return stack;
}

// When the pages could not be drawn: the browser's own viewer.
function viewer(name) {
  const frame = document.createElement("iframe");
  frame.className = "review-pdf";
  // The sheet across the pane's width, without the viewer's column of thumbnails.
  frame.src = `${blobUrl}#view=FitH&navpanes=0`;
  frame.title = `The original: ${name}`;
  return frame;
}

function summary(fileNotes, marked) {
  const count = document.getElementById("review-count");
  count.textContent = marked
    ? `${marked} ${marked === 1 ? "field" : "fields"} to check, marked “Check this”`
    : "Every field was read with certainty: look it over all the same";
  count.classList.toggle("review-count-check", marked > 0);
  const notes = document.getElementById("review-notes");
  notes.replaceChildren(...fileNotes.map((note) => {
    const item = document.createElement("li");
    item.textContent = note.message;
    return item;
  }));
  notes.hidden = !fileNotes.length;
}

async function create() {
  if (!current) return;
  say(createError, "");
  busy(createButton, true);
  try {
    const response = await request(API, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(current.edited()),
    });
    if (response.status === 201) {
      const resume = await response.json();
      location.assign(`/resumes/${resume.id}/edit`);
      return;
    }
    say(createError, `The resume was not created: ${await errorMessage(response)} What you corrected is kept here.`);
  } catch {
    say(createError, "You seem to be offline: the resume was not created. What you corrected is kept here; try again.");
  }
  busy(createButton, false);
}

function startOver() {
  if (blobUrl) URL.revokeObjectURL(blobUrl);
  blobUrl = "";
  current = null;
  reader.reset();
  document.getElementById("review-form").replaceChildren();
  document.getElementById("review-original-body").replaceChildren();
  review.hidden = true;
  pick.hidden = false;
  fileInput.focus();
}

// Another part of the page (the assistant's tidying) may build the form anew: the resume is
// created from the form shown.
document.addEventListener("review:form", (event) => { current = event.detail; });
reader.addEventListener("submit", read);
createButton.addEventListener("click", create);
document.getElementById("review-again").addEventListener("click", startOver);
