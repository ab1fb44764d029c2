// Share links: a drawer to make a link for one recipient (who, until when, a password, what to
// hide) and to follow the links made — their views and downloads — and withdraw one.
import { canCopy, copy } from "../copy.js";
import { busy, h, icon } from "./assistant/dom.js";
import { shareItem } from "./share-list.js";

// "2027-01-31" → the end of that day where the person is, with its offset:
// "2027-01-31T23:59:59+01:00" (the offset of that day, so summer time counts).
export function endOfDay(value) {
  const [year, month, date] = value.split("-").map(Number);
  const offset = -new Date(year, month - 1, date, 23, 59, 59).getTimezoneOffset();
  const pad = (n) => String(Math.floor(n)).padStart(2, "0");
  const sign = offset < 0 ? "-" : "+";
  return `${value}T23:59:59${sign}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
}

function humanError(message) {
  const text = String(message || "is not valid");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

// What the form asks the API for.
function readForm(form) {
  const value = (name) => form.elements[name].value.trim();
  const body = {
    label: value("label"),
    redact: Object.fromEntries([...form.querySelectorAll("[data-share-hide]")].map((box) => [box.dataset.shareHide, box.checked])),
    allowDownload: form.elements.allowDownload.checked,
    snapshot: !form.elements.latest.checked,
    indexable: form.elements.indexable.checked,
  };
  if (value("expires")) body.expiresAt = endOfDay(value("expires"));
  if (form.elements.password.value) body.password = form.elements.password.value;
  if (value("employer")) body.redact.employer = value("employer");
  return body;
}

// Mistakes the form can name before asking the server, in words of its own.
function mistakes(body) {
  const found = [];
  if (!body.label) found.push({ field: "label", message: "Say who the link is for." });
  if (body.password !== undefined && body.password.length < 6) found.push({ field: "password", message: "Use at least 6 characters." });
  return found;
}

export function setupShare({ R, api }) {
  const dialog = document.getElementById("share-dialog");
  const fold = dialog.querySelector("[data-share-new]");
  const form = dialog.querySelector("[data-share-form]");
  const formError = dialog.querySelector("[data-share-error]");
  const make = dialog.querySelector("[data-share-make]");
  const made = dialog.querySelector("[data-share-made]");
  const madeCopy = dialog.querySelector("[data-share-made-copy]");
  const madeUrl = dialog.querySelector("[data-share-made-url]");
  const status = dialog.querySelector("[data-share-status]");
  const list = dialog.querySelector("[data-share-list]");
  const announce = dialog.querySelector("[data-share-announce]");
  let shares = [];

  // ---- the form's errors, each at its input --------------------------------------------------
  function clearError(input) {
    if (!input.hasAttribute("aria-invalid")) return;
    input.removeAttribute("aria-invalid");
    document.getElementById(`${input.id}-error`)?.remove();
    const hint = input.getAttribute("aria-describedby")?.split(" ").filter((id) => id !== `${input.id}-error`);
    if (hint?.length) input.setAttribute("aria-describedby", hint.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function clearErrors() {
    form.querySelectorAll("[aria-invalid]").forEach(clearError);
    formError.hidden = true;
    formError.textContent = "";
  }

  function showErrors(fields, message) {
    clearErrors();
    const elsewhere = [];
    for (const { field, message: said } of fields) {
      const input = form.querySelector(`[data-share-field="${field}"]`);
      if (!input) { elsewhere.push(`${field} ${said}`); continue; }
      if (input.hasAttribute("aria-invalid")) continue;
      const error = h("p", { class: "field-error", id: `${input.id}-error`, text: humanError(said) });
      input.setAttribute("aria-invalid", "true");
      const described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? `${described} ${error.id}` : error.id);
      input.closest(".field").append(error);
    }
    if (elsewhere.length || !fields.length) {
      formError.textContent = elsewhere.length ? `${message} ${elsewhere.join("; ")}` : message;
      formError.hidden = false;
    }
    (form.querySelector("[aria-invalid]") || formError).focus();
  }

  form.addEventListener("input", (event) => clearError(event.target));

  // ---- the links -----------------------------------------------------------------------------
  function copyButton(url, name) {
    const button = h("button", { type: "button", class: "btn btn-small" },
      icon("copy"), "Copy", h("span", { class: "sr-only", text: ` the link for ${name}` }));
    button.hidden = !canCopy();
    button.addEventListener("click", () => copy(button, url));
    return button;
  }

  function row(share) {
    return shareItem(share, { copyButton, withdraw });
  }

  function draw() {
    list.replaceChildren(...shares.map(row));
    status.textContent = shares.length ? "" : "No links yet. Make one above for each person you send your resume to.";
  }

  async function load() {
    status.textContent = "Loading your links…";
    try {
      const response = await R.request(`${api}/shares`);
      if (!response.ok) { status.textContent = await R.errorMessage(response); return; }
      shares = (await response.json()).items;
      fold.open = !shares.length;
      draw();
    } catch {
      status.textContent = "You seem to be offline. Open this again when you're back.";
    }
  }

  async function withdraw(share, button) {
    await busy(button, async () => {
      try {
        const response = await R.request(`${api}/shares/${share.id}`, { method: "DELETE" });
        if (!response.ok) { R.toast(await R.errorMessage(response), "error"); return; }
      } catch {
        R.toast("You seem to be offline. Try again when you're back.", "error");
        return;
      }
      const withdrawn = { ...share, state: "revoked", revokedAt: new Date().toISOString() };
      shares = shares.map((other) => (other.id === share.id ? withdrawn : other));
      const fresh = row(withdrawn);
      list.querySelector(`[data-share-id="${share.id}"]`)?.replaceWith(fresh);
      if (made.dataset.shareId === share.id) made.hidden = true;
      fresh.focus();
      announce.textContent = `The link for ${share.label} is withdrawn: it no longer opens.`;
    });
  }

  function showMade(share) {
    made.dataset.shareId = share.id;
    made.querySelector("[data-share-made-title]").textContent = `Your link for ${share.label} is ready`;
    madeUrl.href = share.url;
    madeUrl.textContent = share.url;
    madeCopy.hidden = !canCopy();
    made.hidden = false;
    made.focus();
  }

  madeCopy.addEventListener("click", () => copy(madeCopy, madeUrl.href));

  async function submit() {
    const body = readForm(form);
    const wrong = mistakes(body);
    if (wrong.length) { showErrors(wrong, ""); return; }
    clearErrors();
    let response;
    try {
      response = await R.request(`${api}/shares`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      showErrors([], "You seem to be offline. Try again when you're back.");
      return;
    }
    if (!response.ok) {
      let problem = null;
      try { problem = (await response.json()).error; } catch { /* not JSON */ }
      showErrors(problem?.fields || [], problem?.message || "Something went wrong. Please try again.");
      return;
    }
    const share = await response.json();
    shares = [share, ...shares];
    draw();
    form.reset();
    fold.open = false;
    showMade(share);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(make, submit);
  });

  document.querySelector("[data-open-share]").addEventListener("click", () => {
    made.hidden = true;
    announce.textContent = "";
    form.elements.expires.min = today();
    dialog.showModal();
    load();
  });
}
