// The Content / Design tabs (arrow keys move between them), and the phone layout's
// Edit / Preview switch.
export function setupTabs({ root }, { fitPreview }) {
  const tabs = [...document.querySelectorAll("[data-tab]")];
  function select(tab) {
    tabs.forEach((t) => {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.querySelector(`[data-panel="${t.dataset.tab}"]`).hidden = !on;
    });
    tab.focus();
  }
  tabs.forEach((tab) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) { event.preventDefault(); select(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]); }
    });
  });

  const switches = document.querySelectorAll("[data-show-view]");
  switches.forEach((button) => button.addEventListener("click", () => {
    root.dataset.view = button.dataset.showView;
    switches.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    fitPreview();
  }));
}
