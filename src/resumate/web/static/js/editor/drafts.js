// Edits this browser keeps (localStorage) while the server does not have them yet, so closing
// the tab offline or during a failing save loses nothing: the next visit saves them.
export function draftStore({ R, api, resumeId, state }, body) {
  const key = `resumate.draft.${resumeId}`;

  function keep() {
    try { localStorage.setItem(key, JSON.stringify({ version: state.version, body: body(), at: Date.now() })); } catch { /* full or blocked */ }
  }

  function forget() {
    localStorage.removeItem(key);
  }

  // Edits kept by this browser that never reached the server (offline, tab closed) come back.
  function restore({ onConflict }) {
    try {
      const kept = JSON.parse(localStorage.getItem(key) || "null");
      if (kept && kept.version === state.version && JSON.stringify(kept.body) !== state.saved) {
        R.toast("Unsaved edits from your last visit were kept in this browser. Restoring them…", "ok");
        apply(kept.body, onConflict);
      } else {
        forget();
      }
    } catch { /* unreadable draft: ignore */ }
  }

  function apply(kept, onConflict) {
    // Simplest faithful way: save the kept body as the next version, then reload to show it.
    state.saved = null;
    R.request(api, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", "If-Match": `"${state.version}"` },
      body: JSON.stringify(kept),
    }).then((response) => {
      forget();
      if (response.ok) location.reload();
      else if (response.status === 412) onConflict();
    });
  }

  return { keep, forget, restore };
}
