// The review's form: the fields a file was read into, grouped by section, each one read without
// certainty marked "Check this"; and the document again with what the person corrected.

const UNSURE_NOTE = "Read from the file, but not for certain: check it.";
// A compact section shows each entry as one row, its labels named above the first.
const SECTIONS = {
  work: { title: "Work experience", one: "job" },
  education: { title: "Education", one: "school" },
  skills: { title: "Skills", one: "skill", compact: true },
  languages: { title: "Languages", one: "language", compact: true },
};
const FIELDS = {
  work: [["position", "Job title"], ["name", "Company"], ["startDate", "Start date", "date"],
    ["endDate", "End date", "date"], ["location", "Location"], ["highlights", "Highlights, one per line", "lines"]],
  education: [["institution", "School"], ["studyType", "Degree"], ["area", "Field of study"],
    ["startDate", "Start date", "date"], ["endDate", "End date", "date"]],
  skills: [["name", "Skill"], ["keywords", "Keywords, separated by commas", "list"]],
  languages: [["language", "Language"], ["fluency", "Fluency"]],
};
const BASICS = [["name", "Full name"], ["label", "Job title"], ["email", "Email"], ["phone", "Phone"],
  ["url", "Website"], ["location.city", "City"], ["summary", "Summary", "text"]];
// What JSON Resume calls the sections this form leaves for the editor, in words.
const OTHER_NAMES = { projects: ["project", "projects"], volunteer: ["volunteering role", "volunteering roles"],
  awards: ["award", "awards"], certificates: ["certificate", "certificates"], publications: ["publication", "publications"],
  interests: ["interest", "interests"], references: ["reference", "references"] };

function parts(path) {
  return path.match(/[^.[\]]+/g).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(document, path) {
  return parts(path).reduce((value, part) => (value == null ? undefined : value[part]), document);
}

function setAt(document, path, value) {
  const keys = parts(path);
  const last = keys.pop();
  let node = document;
  for (const key of keys) {
    if (node[key] == null || typeof node[key] !== "object") node[key] = {};
    node = node[key];
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const plural = (count, [one, many]) => `${count} ${count === 1 ? one : many}`;

export class ReviewForm {
  constructor(form, { document, confidence, warnings }, unsure) {
    this.form = form;
    this.document = document;
    this.confidence = confidence;
    this.unsure = unsure;
    this.notes = new Map(warnings.filter((note) => note.path !== "(file)").map((note) => [note.path, note]));
    this.marked = 0;
  }

  // How sure the reading is of a field: of the field itself, or of the entry it is in.
  sureness(path) {
    const sure = [path, path.replace(/\.[^.]+$/, "")].map((key) => this.confidence[key]);
    return Math.min(...sure.filter((value) => value !== undefined), 1);
  }

  build() {
    this.form.replaceChildren(this.group("Personal details", BASICS.map(([key, ...rest]) => [`basics.${key}`, ...rest])));
    for (const [key, names] of Object.entries(SECTIONS)) {
      const entries = this.document[key];
      if (!Array.isArray(entries) || !entries.length) continue;
      const group = this.group(names.title, []);
      entries.forEach((_, index) => {
        const fields = FIELDS[key].map(([field, ...rest]) => [`${key}[${index}].${field}`, ...rest]);
        const title = `${names.one[0].toUpperCase()}${names.one.slice(1)} ${index + 1}`;
        const entry = this.group(title, fields, names.compact ? "review-entry-row" : "review-entry");
        if (names.compact) entry.querySelector("legend").className = "sr-only";
        // A row's labels are said once, above the first; a field to check keeps its own and its badge.
        if (names.compact && index > 0) {
          entry.querySelectorAll(".field:not(.review-unsure) > label").forEach((label) => label.classList.add("sr-only"));
        }
        group.append(entry);
      });
      this.form.append(group);
    }
    this.form.append(...this.otherSections());
  }

  group(title, fields, className = "review-section") {
    const group = document.createElement("fieldset");
    group.className = className;
    const legend = document.createElement("legend");
    legend.textContent = title;
    group.append(legend, ...fields.map((field) => this.field(...field)));
    return group;
  }

  field(path, label, kind = "line") {
    const id = `review-${path.replace(/[^a-z0-9]+/gi, "-")}`;
    const wrap = document.createElement("div");
    wrap.className = { text: "field review-wide", lines: "field review-wide", date: "field review-date" }[kind] || "field";
    const name = document.createElement("label");
    name.htmlFor = id;
    name.textContent = label;
    const input = document.createElement(kind === "text" || kind === "lines" ? "textarea" : "input");
    if (input.tagName === "INPUT") input.type = "text";
    input.id = id;
    input.dataset.path = path;
    input.dataset.kind = kind;
    input.value = this.shown(valueAt(this.document, path), kind);
    if (kind === "date") input.placeholder = "YYYY-MM";
    wrap.append(name, input);
    const note = this.notes.get(path);
    const described = [];
    if (this.sureness(path) < this.unsure) {
      this.marked += 1;
      wrap.classList.add("review-unsure");
      const badge = document.createElement("span");
      badge.className = "badge badge-check";
      badge.textContent = "Check this";
      name.append(" ", badge);
      described.push(this.hint(wrap, `${id}-check`, note ? note.message : UNSURE_NOTE));
    } else if (note) {
      described.push(this.hint(wrap, `${id}-note`, note.message));
    }
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    return wrap;
  }

  hint(wrap, id, text) {
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.id = id;
    hint.textContent = text;
    wrap.append(hint);
    return id;
  }

  shown(value, kind) {
    if (value == null) return "";
    if (kind === "lines" && Array.isArray(value)) return value.join("\n");
    if (kind === "list" && Array.isArray(value)) return value.join(", ");
    return typeof value === "string" ? value : JSON.stringify(value);
  }

  // Sections the form does not show, named with their count: kept as read, edited later.
  otherSections() {
    return Object.entries(this.document)
      .filter(([key, value]) => !(key in SECTIONS) && key !== "basics" && key !== "meta"
        && Array.isArray(value) && value.length)
      .map(([key, value]) => {
        const line = document.createElement("p");
        line.className = "review-other";
        const check = Object.keys(this.confidence)
          .filter((path) => path.startsWith(`${key}[`) && this.confidence[path] < this.unsure).length;
        const names = OTHER_NAMES[key] || [`${key} entry`, `${key} entries`];
        line.textContent = `${plural(value.length, names)} — you can edit ${value.length === 1 ? "it" : "them"} after creating`
          + (check ? ` (${plural(check, ["field", "fields"])} to check there).` : ".");
        return line;
      });
  }

  // The document read, with every field of the form as the person left it.
  edited() {
    const result = structuredClone(this.document);
    for (const input of this.form.querySelectorAll("[data-path]")) {
      const text = input.value.trim();
      let value = text || undefined;
      if (input.dataset.kind === "lines") value = text ? text.split("\n").map((line) => line.trim()).filter(Boolean) : undefined;
      if (input.dataset.kind === "list") value = text ? text.split(",").map((item) => item.trim()).filter(Boolean) : undefined;
      setAt(result, input.dataset.path, value);
    }
    return result;
  }
}
