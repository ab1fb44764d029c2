// Building the assistant's pieces of page: elements from data, text always as text.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  el.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return el;
}

// The sprite's icon, as the templates' icon() macro draws it.
export function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "icon");
  svg.setAttribute("aria-hidden", "true");
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  // The sprite's address carries its fingerprint: take it from an icon the page drew.
  const sprite = document.querySelector("svg.icon use")?.getAttribute("href").split("#")[0];
  use.setAttribute("href", `${sprite}#${name}`);
  svg.append(use);
  return svg;
}

// A button showing its spinner (and refusing a second click) while the work runs.
export async function busy(button, work) {
  button.disabled = true;
  button.classList.add("is-busy");
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.classList.remove("is-busy");
  }
}
