// Passkeys (WebAuthn): add one on the account page, sign in with one on the sign-in page.
// The server sends the ceremony's options as JSON and takes the credential back as JSON
// (`PublicKeyCredential.toJSON()`); binary values travel as base64url.

const API = "/api/auth/passkeys";
const UNSUPPORTED = "This browser cannot use passkeys. Use your password, or another browser.";
const CANCELLED = "The passkey prompt was closed before it finished. Try again when you're ready.";
const NONE_CHOSEN = "No passkey was chosen: the prompt was closed, or this device has none for this site. Try again, or use your password.";

export function toBase64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0)).buffer;
}

function supported() {
  return Boolean(window.PublicKeyCredential && navigator.credentials);
}

const descriptor = (item) => ({ ...item, id: fromBase64Url(item.id) });

// The browser's own parsers where it has them (Chromium does); the same by hand elsewhere.
function creationOptions(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) {
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: (json.excludeCredentials || []).map(descriptor),
  };
}

function requestOptions(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) {
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    allowCredentials: (json.allowCredentials || []).map(descriptor),
  };
}

function credentialJSON(credential) {
  if (typeof credential.toJSON === "function") return credential.toJSON();
  const response = {};
  for (const key of ["clientDataJSON", "attestationObject", "authenticatorData", "signature", "userHandle"]) {
    if (credential.response[key]) response[key] = toBase64Url(credential.response[key]);
  }
  if (credential.response.getTransports) response.transports = credential.response.getTransports();
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    response,
  };
}

// The browser's prompt, from the server's options (JSON) to the credential to send it (JSON).
// Exported for any sign-in step that asks for a passkey (a second factor, say).
export async function makePasskey(publicKey) {
  return credentialJSON(await navigator.credentials.create({ publicKey: creationOptions(publicKey) }));
}

export async function askForPasskey(publicKey) {
  return credentialJSON(await navigator.credentials.get({ publicKey: requestOptions(publicKey) }));
}

async function post(path, body) {
  const response = await window.Resumate.request(`${API}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  if (!response.ok) throw new Error(await window.Resumate.errorMessage(response));
  return response.status === 204 ? null : response.json();
}

// What to tell the person when the browser's prompt ends without a credential.
function promptProblem(error, adding) {
  if (error.name === "NotAllowedError" || error.name === "AbortError") {
    return adding ? CANCELLED : NONE_CHOSEN;
  }
  if (error.name === "InvalidStateError" && adding) {
    return "This device or password manager has a passkey for your account already.";
  }
  if (error.name === "SecurityError") return "Passkeys cannot be used at this address.";
  if (error.name === "NotSupportedError") return UNSUPPORTED;
  return error.message || "Something went wrong. Please try again.";
}

// Runs `steps` with the button busy, saying any problem in the status line.
async function attempt(button, status, busyText, steps, adding) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  status.classList.remove("passkey-problem");
  status.textContent = busyText;
  try {
    await steps();
  } catch (error) {
    const fromBrowser = error instanceof DOMException;
    status.textContent = fromBrowser ? promptProblem(error, adding) : error.message;
    status.classList.add("passkey-problem");
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

async function addPasskey(button, status) {
  await attempt(button, status, "Follow your browser's prompt to make the passkey…", async () => {
    const options = await post("/registration/options");
    const passkey = await post("/registration", { credential: await makePasskey(options.publicKey) });
    location.assign(`/account?passkey=added&new=${encodeURIComponent(passkey.id)}#passkeys`);
  }, true);
}

async function signIn(button, status) {
  await attempt(button, status, "Choose your passkey in the browser's prompt…", async () => {
    const options = await post("/authentication/options");
    await post("/authentication", { credential: await askForPasskey(options.publicKey) });
    location.assign(button.dataset.next || "/resumes");
  }, false);
}

function start() {
  const button = document.querySelector("[data-passkey-add], [data-passkey-sign-in]");
  const status = document.querySelector("[data-passkey-status]");
  if (button && status) {
    if (supported()) {
      status.textContent = "";
      button.hidden = false;
      const action = button.matches("[data-passkey-add]") ? addPasskey : signIn;
      button.addEventListener("click", () => action(button, status));
    } else {
      status.textContent = UNSUPPORTED;
    }
  }
  // A passkey just added: ask for its name straight away.
  const fresh = document.querySelector("[data-passkey-fresh]");
  const dialog = fresh && document.getElementById(fresh.dataset.passkeyFresh);
  if (dialog && !dialog.open) {
    dialog.showModal();
    dialog.querySelector("input[name=name]")?.select();
  }
}

start();
