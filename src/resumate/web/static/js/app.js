// Every page: CSRF on writes, a session that renews itself, toasts, dialogs.
(() => {
  "use strict";

  const CSRF_COOKIE = "resumate_csrf";
  const RENEWED_KEY = "resumate.renewedAt";
  let lastRetry = 0;

  // Over HTTPS the server names its cookies with the __Host- prefix (web/host_cookies.py).
  function cookie(name) {
    const parts = document.cookie.split("; ");
    for (const full of [`__Host-${name}`, name]) {
      const found = parts.find((part) => part.startsWith(full + "="));
      if (found) return decodeURIComponent(found.slice(full.length + 1));
    }
    return "";
  }

  function toast(message, kind = "info") {
    const list = document.getElementById("toasts");
    if (!list) return;
    const item = document.createElement("div");
    item.className = `toast toast-${kind}`;
    item.setAttribute("role", kind === "error" ? "alert" : "status");
    item.dataset.toast = "";
    const text = document.createElement("span");
    text.textContent = message;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.dataset.dismiss = "";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    item.append(text, close);
    list.append(item);
  }

  // Toasts live in the top layer (a popover), so they show above an open dialog too; each one
  // added, by script or by a swap, is raised again and given its time to go.
  function watchToasts() {
    const list = document.getElementById("toasts");
    if (!list) return;
    const raise = () => {
      if (!list.showPopover) return;
      if (list.matches(":popover-open")) list.hidePopover();
      if (list.children.length) list.showPopover();
    };
    new MutationObserver((changes) => {
      changes.forEach((change) => change.addedNodes.forEach((node) => {
        if (node.nodeType === 1 && node.matches("[data-toast]")) scheduleDismiss(node);
      }));
      raise();
    }).observe(list, { childList: true });
    list.querySelectorAll("[data-toast]").forEach(scheduleDismiss);
    raise();
  }

  // Errors stay until read. Others go after a while, but never while in use: a toast whose
  // Undo has the focus, or that the pointer is over, waits.
  function scheduleDismiss(item) {
    if (item.classList.contains("toast-error")) return;
    const hasAction = item.querySelector("a, button:not([data-dismiss])") !== null;
    const later = () => {
      if (item.matches(":focus-within, :hover")) { setTimeout(later, 2000); return; }
      item.remove();
    };
    setTimeout(later, hasAction ? 12000 : 6000);
  }

  // One renewal at a time across every open tab: the refresh token rotates on use, and a
  // second tab sending the old one would end the session for both.
  async function renewSession() {
    const attempt = async () => {
      const last = Number(localStorage.getItem(RENEWED_KEY) || 0);
      if (Date.now() - last < 20000) {
        const me = await fetch("/api/auth/me", { credentials: "same-origin" });
        if (me.ok) return true;
      }
      const response = await fetch("/api/auth/refresh", { method: "POST", credentials: "same-origin" });
      if (!response.ok) return false;
      localStorage.setItem(RENEWED_KEY, String(Date.now()));
      return true;
    };
    if (navigator.locks) return navigator.locks.request("resumate-session", attempt);
    return attempt();
  }

  function signInAgain() {
    const here = location.pathname + location.search;
    location.assign("/login?next=" + encodeURIComponent(here) + "&expired=1");
  }

  // fetch with the CSRF header, renewing the session once when it has run out.
  async function request(url, options = {}) {
    const send = () => {
      const headers = new Headers(options.headers || {});
      headers.set("X-CSRF-Token", cookie(CSRF_COOKIE));
      return fetch(url, { credentials: "same-origin", ...options, headers });
    };
    let response = await send();
    if (response.status === 401 && document.body.hasAttribute("data-signed-in")) {
      if (await renewSession()) response = await send();
      else signInAgain();
    }
    return response;
  }

  async function errorMessage(response) {
    try {
      const body = await response.clone().json();
      if (body && body.error && body.error.message) return body.error.message;
    } catch { /* not JSON */ }
    return "Something went wrong. Please try again.";
  }

  // Keep the session alive while a page is open: renew a little before the access token ends.
  function keepAlive() {
    if (!document.body.hasAttribute("data-signed-in")) return;
    const every = Number(document.body.dataset.renewEvery || 600) * 1000;
    setInterval(() => { renewSession().then((ok) => { if (!ok) signInAgain(); }); }, every);
  }

  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers["X-CSRF-Token"] = cookie(CSRF_COOKIE);
  });

  // A plain form carries the token of the session its page was made in; the session may have
  // renewed since (a new token with it), so the field takes the current one as it is sent.
  document.addEventListener("submit", (event) => {
    const field = event.target.querySelector?.('input[name="csrf_token"]');
    const current = cookie(CSRF_COOKIE);
    if (field && current) field.value = current;
  }, true);

  document.addEventListener("htmx:responseError", async (event) => {
    const xhr = event.detail.xhr;
    const config = event.detail.requestConfig;
    if (xhr.status === 401 && document.body.hasAttribute("data-signed-in")) {
      // Retry once; a second 401 straight after a renewal means the session is really over.
      if (Date.now() - lastRetry > 5000 && (await renewSession())) {
        lastRetry = Date.now();
        htmx.ajax(config.verb.toUpperCase(), config.path, {
          source: event.detail.elt, values: config.parameters,
        });
      } else {
        signInAgain();
      }
      return;
    }
    const type = xhr.getResponseHeader("content-type") || "";
    // JSON errors (e.g. a body over the size limit) became a toast in htmx:beforeSwap.
    if (!type.includes("text/html") && !type.includes("application/json")) {
      toast("Something went wrong. Please try again.", "error");
    }
  });

  // Only HTML is swapped into a page; a JSON error is said in a toast instead.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const xhr = event.detail.xhr;
    if (!(xhr.getResponseHeader("content-type") || "").includes("application/json")) return;
    event.detail.shouldSwap = false;
    if (xhr.status === 401) return; // renewed and retried in htmx:responseError
    let message = "Something went wrong. Please try again.";
    try { message = JSON.parse(xhr.responseText).error.message || message; } catch { /* keep the default */ }
    toast(message, "error");
  });

  document.addEventListener("htmx:sendError", () => {
    toast("You seem to be offline. Check your connection and try again.", "error");
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const focus = event.detail.target.querySelector?.("[autofocus]");
    if (focus) focus.focus();
  });

  document.addEventListener("click", (event) => {
    const dismiss = event.target.closest("[data-dismiss]");
    if (dismiss) dismiss.closest("[data-toast]")?.remove();
    const opener = event.target.closest("[data-open-dialog]");
    if (opener) {
      const dialog = document.getElementById(opener.dataset.openDialog);
      if (dialog) { dialog.showModal(); dialog.querySelector("[autofocus]")?.focus(); }
    }
    const closer = event.target.closest("[data-close-dialog]");
    if (closer) closer.closest("dialog")?.close();
  });

  // A card's picture that could not be made leaves its sketched sheet showing, not a broken image.
  document.addEventListener("error", (event) => {
    if (event.target.matches?.(".card-thumb img")) event.target.classList.add("is-missing");
  }, true);

  document.addEventListener("DOMContentLoaded", () => {
    // Ones that failed before this script ran.
    document.querySelectorAll(".card-thumb img").forEach((img) => {
      if (img.complete && img.naturalWidth === 0) img.classList.add("is-missing");
    });
    watchToasts();
    keepAlive();
  });

  window.Resumate = { request, toast, errorMessage, renewSession, cookie, signInAgain };
})();
