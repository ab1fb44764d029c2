// Version history, a drawer that htmx fills; restoring needs every edit saved first.
export function setupHistory({ R }, { flush }) {
  const dialog = document.getElementById("history-dialog");
  document.querySelector("[data-open-history]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    if (!(await flush())) { R.toast("Save your changes first: restoring needs them saved.", "error"); return; }
    dialog.showModal();
    htmx.trigger(button, "open-history");
  });
}
