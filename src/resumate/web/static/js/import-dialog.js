// The dashboard's import dialog on a site with an uploads bucket: the chosen file goes to the
// bucket first, and the form then names the upload instead of carrying the file.
import { sendToBucket } from "./direct-upload.js";

const MESSAGES = {
  413: (form) => `That file is too large to import: choose one of up to ${form.dataset.maxMb} MB.`,
  502: () => "The file could not be sent to storage. Try again in a moment.",
};

function say(form, input, message) {
  let line = form.querySelector("#import-file-error");
  if (!line) {
    line = document.createElement("p");
    line.className = "field-error";
    line.id = "import-file-error";
    input.closest(".field").append(line);
  }
  line.textContent = message;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", "import-file-hint import-file-error");
}

async function problem(form, response) {
  const known = MESSAGES[response.status];
  if (known) return known(form);
  return window.Resumate.errorMessage(response);
}

async function send(event, form) {
  const input = form.querySelector('input[type="file"]');
  const file = input.files[0];
  if (!file) return; // the form is sent as it is, and the server says what is missing
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  button.classList.add("is-busy");
  button.disabled = true;
  try {
    const sent = await sendToBucket(form.dataset.directUpload, file, Number(form.dataset.maxMb) * 2 ** 20);
    if (sent.refused) {
      say(form, input, await problem(form, sent.refused));
      return;
    }
    form.querySelector('input[name="upload"]').value = sent.uploadId;
    input.value = ""; // the file is in the bucket: the form carries only its id
    event.detail.issueRequest(true);
  } catch {
    say(form, input, "You seem to be offline. Check your connection and try again.");
  } finally {
    button.classList.remove("is-busy");
    button.disabled = false;
  }
}

document.addEventListener("htmx:confirm", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.id === "import-form" && form.dataset.directUpload) {
    send(event, form);
  }
});
