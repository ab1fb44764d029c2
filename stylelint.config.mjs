// Stylelint for the web app's own stylesheets: src/resumate/web/static/css. Never the resume
// templates' CSS (src/resumate/templates/builtin): that is template content, part of each
// template's content hash, and printed into the PDFs, so it must not change.
/** @type {import("stylelint").Config} */
export default {
  extends: ["stylelint-config-standard"],
  ignoreFiles: ["src/resumate/templates/**", "**/vendor/**"],
  rules: {
    // The stylesheets write short rules on one line (`.muted { color: var(--muted); }`) and keep
    // related rules together without blank lines between them; splitting every rule over
    // several lines and spacing them out would only churn the files.
    "declaration-block-single-line-max-declarations": null,
    "rule-empty-line-before": null,
    "at-rule-empty-line-before": null,
    "comment-empty-line-before": null,
    "declaration-empty-line-before": null,
    // It reports pairs such as `.btn .spinner` before `.spinner`, or `.topnav > a` before
    // `.card-title a`: either they never match the same element, or the more specific one wins
    // wherever it stands. Satisfying it means moving rules away from the component they belong
    // to, which can change the outcome of equal-specificity ties with the rules in between.
    "no-descending-specificity": null,
    // `(max-width: 560px)` rather than `(width <= 560px)`: media queries in range syntax are
    // ignored whole by browsers older than it (Safari before 16.4), which would lose the phone
    // layout there.
    "media-feature-range-notation": "prefix",
  },
};
