// A change as words: what it removes struck through, what it adds highlighted, the rest as is.
import { h } from "./dom.js";

// Words with the space after them: a change never hinges on which of two spaces matched.
const words = (text) => text.match(/\S+\s*|\s+/g) || [];
const same = (a, b) => a.trim() === b.trim();

// Longest common subsequence of the two word lists, walked into kept/removed/added runs.
function compare(before, after) {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i * cols + j] = same(before[i], after[j])
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
    if (i < before.length && j < after.length && same(before[i], after[j])) { push("same", after[j]); i += 1; j += 1; }
    else if (j < after.length && (i === before.length || table[i * cols + j + 1] >= table[(i + 1) * cols + j])) { push("added", after[j]); j += 1; }
    else { push("removed", before[i]); i += 1; }
  }
  return runs;
}

// Changes only a space apart read as one: "Responsible for" struck together, not word by word.
function joinNeighbours(runs) {
  const joined = [];
  let i = 0;
  while (i < runs.length) {
    if (runs[i].kind === "same") { joined.push(runs[i]); i += 1; continue; }
    let removed = "";
    let added = "";
    // A space between two changes joins each side only if that side goes on.
    let spaceRemoved = "";
    let spaceAdded = "";
    for (; i < runs.length; i += 1) {
      const run = runs[i];
      if (run.kind === "removed") { removed += (removed ? spaceRemoved : "") + run.text; spaceRemoved = ""; }
      else if (run.kind === "added") { added += (added ? spaceAdded : "") + run.text; spaceAdded = ""; }
      else if (/^\s+$/.test(run.text) && runs[i + 1] && runs[i + 1].kind !== "same") { spaceRemoved = run.text; spaceAdded = run.text; }
      else break;
    }
    if (removed) joined.push({ kind: "removed", text: removed });
    if (added) joined.push({ kind: "added", text: added });
  }
  return joined;
}

// Very long texts are shown whole, before and after, rather than diffed word by word.
const MAX_WORDS = 1500;

export function diffView(original, proposed) {
  const before = words(original || "");
  const after = words(proposed || "");
  const runs = before.length * after.length > MAX_WORDS * MAX_WORDS
    ? [{ kind: "removed", text: original }, { kind: "added", text: proposed }]
    : joinNeighbours(compare(before, after));
  const view = h("p", { class: "ai-diff", dir: "auto" });
  runs.forEach((run, index) => {
    if (run.kind === "same") { view.append(run.text); return; }
    // The space after a change stays outside its mark; a removal and its replacement get one.
    const [, text, space] = run.text.match(/^([\s\S]*?)(\s*)$/);
    const mark = run.kind === "removed" ? "del" : "ins";
    if (runs[index - 1]?.kind === "same" && /\S$/.test(runs[index - 1].text)) view.append(" ");
    view.append(h(mark, {}, h("span", { class: "sr-only", text: `${run.kind}: ` }), text));
    view.append(space || (run.kind === "removed" && runs[index + 1]?.kind === "added" ? " " : ""));
  });
  if (proposed === "") view.append(h("span", { class: "ai-diff-note", text: " (this bullet is removed)" }));
  if (original === "") view.prepend(h("span", { class: "ai-diff-note", text: "New bullet: " }));
  return view;
}
