// Job match: the score, what it is made of, the skills found and missing, and the bullet that
// best supports each requirement (a click takes you to it).
import { h } from "./dom.js";
import { inputFor, reveal } from "./fields.js";

// Scores arrive as 0–100; a fraction (0–1) is shown as a percentage too.
const percent = (value) => Math.round(value <= 1 && !Number.isInteger(value) ? value * 100 : value);

function bar(value) {
  const fill = h("span", { class: "ai-bar-fill" });
  fill.style.width = `${Math.max(0, Math.min(100, percent(value)))}%`;
  return h("span", { class: "ai-bar", "aria-hidden": "true" }, fill);
}

function parts(items) {
  return h("ul", { class: "ai-parts" }, items.map((part) => h("li", {},
    h("p", { class: "ai-part-head" }, h("span", { text: part.label || part.name }), h("strong", { text: `${percent(part.score)}%` })),
    bar(part.score),
    part.detail ? h("p", { class: "hint", text: part.detail }) : null)));
}

// Skills (from the skill list) first, then the job's other key terms.
const skillsFirst = (terms) => [...terms].sort((a, b) => (a.kind === "skill" ? 0 : 1) - (b.kind === "skill" ? 0 : 1));

function skills(matched, missing) {
  const found = h("ul", { class: "ai-chips", "aria-label": "Job terms the resume shows" },
    skillsFirst(matched).map((term) => h("li", { class: `ai-chip ai-chip-ok is-${term.kind}`, text: term.term })));
  const absent = h("ul", { class: "ai-chips", "aria-label": "Job terms the resume does not show" },
    skillsFirst(missing).map((term) => h("li", { class: `ai-chip ai-chip-missing is-${term.kind}${term.required ? " is-required" : ""}` },
      term.term, term.required ? h("span", { class: "sr-only", text: " (required)" }) : null)));
  return h("div", { class: "ai-skills" },
    h("h3", { class: "ai-subtitle", text: `Found in your resume (${matched.length})` }),
    matched.length ? found : h("p", { class: "hint", text: "None of the job's skills or key terms yet." }),
    h("h3", { class: "ai-subtitle", text: `Missing (${missing.length})` }),
    missing.length
      ? [h("p", { class: "hint ai-honest", text: "Add one only if it is true of you. Bold ones the job requires." }), absent]
      : h("p", { class: "hint", text: "Nothing the job names is missing." }));
}

function evidence(form, items) {
  if (!items.length) return null;
  return h("div", {},
    h("h3", { class: "ai-subtitle", text: "What backs each requirement" }),
    h("ol", { class: "ai-evidence" }, items.map((item) => {
      const input = item.path ? inputFor(form, item.path) : null;
      const support = !item.text
        ? h("p", { class: "hint", text: "Nothing in the resume speaks to this yet." })
        : input
          ? h("button", { type: "button", class: "ai-evidence-link", onclick: () => reveal(input) },
            h("span", { class: "sr-only", text: "Go to: " }), item.text)
          : h("p", { class: "ai-evidence-text", text: item.text });
      return h("li", {}, h("p", { class: "ai-requirement", text: item.requirement }), support);
    })));
}

export function showMatch(box, form, result) {
  const score = percent(result.score);
  box.replaceChildren(
    h("div", { class: "ai-score" },
      h("p", { class: "ai-score-number" }, h("strong", { text: String(score) }), h("span", { text: "/ 100" })),
      h("p", { class: "ai-score-words", text: score >= 75 ? "A strong match" : score >= 50 ? "A fair match" : "A weak match — see what is missing" })),
    parts(result.parts || []),
    skills(result.matched || [], result.missing || []),
    evidence(form, result.evidence || []));
}
