// The section cards of the Content tab are the page's sections: their order is the theme's
// sectionOrder and their eyes its hiddenSections. editor-lists.js moves the cards (handle,
// Alt+↑/↓, the arrows) like any list; this module reads and shows what they say.
const SECTIONS = "details.ed-section:is([data-section], [data-custom-section])";

// "work", "summary", or "custom-<id>" for a section of the person's own.
export function cardKey(section) {
  return section.dataset.section || `custom-${section.dataset.customSection}`;
}

function sections(form) {
  return [...form.querySelectorAll(`[data-panel="content"] ${SECTIONS}`)];
}

// The card a section's <details> stands in, with its handle and eye (section_card), if any.
const cardOf = (section) => section.closest("[data-card]");

// A section without an eye (not in a card) keeps what the theme said.
function isHidden(section, theme = {}) {
  const button = cardOf(section)?.querySelector("[data-hide-section]");
  if (!button) return (theme.hiddenSections || []).includes(cardKey(section));
  return button.getAttribute("aria-pressed") === "true";
}

// The order and the hidden sections as the cards show them. A key the theme names with no card
// (a section this page cannot show) keeps its place at the end and its visibility.
export function readSections(form, theme) {
  const shown = sections(form);
  const keys = shown.map(cardKey);
  const others = (theme.sectionOrder || []).filter((key) => !keys.includes(key));
  return {
    sectionOrder: [...keys, ...others],
    hiddenSections: [
      ...shown.filter((section) => isHidden(section, theme)).map(cardKey),
      ...(theme.hiddenSections || []).filter((key) => !keys.includes(key)),
    ],
  };
}

function showHidden(section, hidden) {
  const card = cardOf(section);
  const button = card?.querySelector("[data-hide-section]");
  if (!button) return;
  button.setAttribute("aria-pressed", String(hidden));
  card.toggleAttribute("data-hidden", hidden);
  const note = section.querySelector("[data-hidden-note]");
  if (note) note.hidden = !hidden;
}

export function setupSections({ form }) {
  const announce = document.querySelector("[data-announce]");

  // Cards in the theme's order, where the first card stands; ones the order does not name stay
  // after the ones it does.
  function show(theme) {
    const cards = sections(form).map(cardOf).filter(Boolean);
    if (cards.length) {
      const order = theme.sectionOrder || [];
      const rank = (card) => { const at = order.indexOf(card.dataset.card); return at < 0 ? order.length : at; };
      const sorted = [...cards].sort((a, b) => rank(a) - rank(b));
      const anchor = cards[0].previousElementSibling;
      if (anchor) anchor.after(...sorted); else cards[0].parentElement.prepend(...sorted);
    }
    const hidden = new Set(theme.hiddenSections || []);
    for (const section of sections(form)) showHidden(section, hidden.has(cardKey(section)));
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-hide-section]");
    if (button) {
      const card = button.closest("[data-card]");
      const hidden = button.getAttribute("aria-pressed") !== "true";
      showHidden(card.querySelector(SECTIONS), hidden);
      announce.textContent = `${card.dataset.label} ${hidden ? "hidden from" : "shown on"} the page.`;
      card.dispatchEvent(new CustomEvent("editor:changed", { bubbles: true }));
    }
    const goto = event.target.closest("[data-goto-tab]");
    if (goto) document.querySelector(`[data-tab="${goto.dataset.gotoTab}"]`)?.click();
  });

  return { show };
}
