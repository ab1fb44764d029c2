// A change as words: what it removes struck through, what it adds highlighted, the rest as is.
import { h } from "./dom.js";

const words = (text) => text.split(/(\s+)/).filter((part) => part !== "");

// Longest common subsequence of the two word lists, walked into kept/removed/added runs.
function compare(before, after) {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i * cols + j] = before[i] === after[j]
        ? table[(i + 1) * cols + j + 1] + 1
        : Math.max(table[(i + 1) * cols + j], table[i * cols + j + 1]);
    }
  }
  const runs = [];
  const push = (kind, text) => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += text; else runs.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) { push("same", before[i]); i += 1; j += 1; }
    else if (j < after.length && (i === before.length || table[i * cols + j + 1] >= table[(i + 1) * cols + j])) { push("added", after[j]); j += 1; }
    else { push("removed", before[i]); i += 1; }
  }
  return runs;
}

// Very long texts are shown whole, before and after, rather than diffed word by word.
const MAX_WORDS = 1500;

export function diffView(original, proposed) {
  const before = words(original || "");
  const after = words(proposed || "");
  const runs = before.length * after.length > MAX_WORDS * MAX_WORDS
    ? [{ kind: "removed", text: original }, { kind: "added", text: proposed }]
    : compare(before, after);
  const view = h("p", { class: "ai-diff", dir: "auto" });
  for (const run of runs) {
    if (run.kind === "same") view.append(run.text);
    else if (run.kind === "removed") view.append(h("del", {}, h("span", { class: "sr-only", text: "removed: " }), run.text));
    else view.append(h("ins", {}, h("span", { class: "sr-only", text: "added: " }), run.text));
  }
  if (proposed === "") view.append(h("span", { class: "ai-diff-note", text: " (this bullet is removed)" }));
  if (original === "") view.prepend(h("span", { class: "ai-diff-note", text: "New bullet: " }));
  return view;
}
