// The parser check: save, then ask the server to print the PDF and read it back as a résumé
// parser does; show the score, what to change, the fields it did not read back as written,
// and the PDF's text in the order a parser reads it.
import { busy, h } from "./assistant/dom.js";

function labelled(path) {
  // "work[0].position" → "Work 1 · position": the section, the entry as people count, the field.
  return path.replace(/^(\w+)\[(\d+)\]\.?/, (_, section, n) => `${section[0].toUpperCase()}${section.slice(1)} ${Number(n) + 1} · `)
    .replace(/^basics\./, "Basics · ").replace(/\[(\d+)\]/g, (_, n) => ` ${Number(n) + 1}`);
}

function verdict(score) {
  if (score === 100) return "Every field reads back as you wrote it.";
  if (score >= 90) return "Nearly everything reads back: see what to change below.";
  return "A parser misses part of this resume: see what to change below.";
}

function fieldItem(check) {
  const read = check.status === "changed" ? `read as “${check.read}”` : "not found";
  return h("li", { class: `parser-field parser-${check.status}` },
    h("span", { class: "parser-path", text: labelled(check.path) }),
    h("span", { class: "parser-value", text: `“${check.value}” — ${read}` }));
}

export function render(report) {
  const misses = report.fields.filter((check) => check.status !== "found");
  return [
    h("div", { class: "ai-score" },
      h("p", { class: "ai-score-number" }, h("strong", { text: String(report.score) }), h("span", { text: "/ 100" })),
      h("p", { class: "ai-score-words", text: verdict(report.score) })),
    h("p", { class: "hint", text: `${report.found} of ${report.total} fields read back as written, from ${report.pages} page${report.pages === 1 ? "" : "s"}.` }),
    report.findings.length ? h("h3", { class: "ai-subtitle", text: "What to change" }) : null,
    report.findings.length ? h("ul", { class: "parser-findings" }, report.findings.map((finding) =>
      h("li", { class: "parser-finding", "data-finding": finding.code },
        h("p", { class: "parser-finding-message", text: finding.message }),
        h("p", { class: "parser-finding-fix", text: finding.fix })))) : null,
    misses.length ? h("h3", { class: "ai-subtitle", text: "Fields not read as written" }) : null,
    misses.length ? h("ul", { class: "parser-fields" }, misses.map(fieldItem)) : null,
    h("details", { class: "parser-text" },
      h("summary", { text: "The text in the order a parser reads it" }),
      h("pre", { text: report.text.join("\n"), tabindex: "0", "aria-label": "The PDF's text, line by line" })),
  ];
}

export function setupParser({ R, api }, { flush }) {
  const dialog = document.getElementById("parser-dialog");
  const status = dialog.querySelector("[data-parser-status]");
  const result = dialog.querySelector("[data-parser-result]");
  const again = dialog.querySelector("[data-parser-again]");

  async function check() {
    status.textContent = "Saving, printing your PDF and reading it back…";
    result.replaceChildren();
    if (!(await flush())) { status.textContent = "The check reads the saved resume: save your changes first."; return; }
    const response = await R.request(`${api}/ats-report`);
    if (!response.ok) { status.textContent = await R.errorMessage(response); return; }
    const report = await response.json();
    status.textContent = "";
    result.replaceChildren(...render(report).filter(Boolean));
  }

  const run = () => busy(again, () => check().catch(() => {
    status.textContent = "You seem to be offline. Try again when you're back.";
  }));
  document.querySelector("[data-open-parser]").addEventListener("click", () => {
    dialog.showModal();
    run();
  });
  again.addEventListener("click", run);
}
