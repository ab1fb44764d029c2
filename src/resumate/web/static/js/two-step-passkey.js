// Two-step verification with a passkey: the browser's prompt answers this pending sign-in's
// options (only its account's passkeys can), and the answer goes in as the form's code.
import { askForPasskey } from "./passkeys.js";

const OPTIONS = "/login/two-step/passkey";
const UNSUPPORTED = "This browser cannot use passkeys. Enter the code from your app instead.";
const NONE_USED = "No passkey was used: the prompt was closed, or this device has none for your account. Try again, or enter the code from your app.";

function problem(error) {
  if (!(error instanceof DOMException)) return error.message;
  if (error.name === "NotAllowedError" || error.name === "AbortError") return NONE_USED;
  if (error.name === "SecurityError") return "Passkeys cannot be used at this address.";
  if (error.name === "NotSupportedError") return UNSUPPORTED;
  return error.message || "Something went wrong. Please try again.";
}

async function options() {
  const response = await window.Resumate.request(OPTIONS, { method: "POST" });
  if (!response.ok) throw new Error(await window.Resumate.errorMessage(response));
  return (await response.json()).publicKey;
}

async function usePasskey(form, button, status) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  status.classList.remove("passkey-problem");
  status.textContent = "Choose your passkey in the browser's prompt…";
  try {
    form.elements.code.value = JSON.stringify(await askForPasskey(await options()));
    status.textContent = "Checking your passkey…";
    form.requestSubmit();
  } catch (error) {
    status.textContent = problem(error);
    status.classList.add("passkey-problem");
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function start() {
  const form = document.querySelector("[data-two-step-passkey]");
  if (!form) return;
  const button = form.querySelector("button");
  const status = form.querySelector("[role=status]");
  if (window.PublicKeyCredential && navigator.credentials) {
    status.textContent = "";
    button.hidden = false;
    button.addEventListener("click", () => usePasskey(form, button, status));
  } else {
    status.textContent = UNSUPPORTED;
  }
}

start();
