// ESLint for the web app's own browser JavaScript: src/resumate/web/static/js. Vendored files
// (htmx, axe-core) are other projects' builds and are never linted. Nothing is built: what is
// linted is what the browser runs.
import js from "@eslint/js";
import globals from "globals";

const APP_JS = "src/resumate/web/static/js";

export default [
  { ignores: ["**/vendor/**", ".venv/**", ".venv-infra/**", "test-artifacts/**", "build/**"] },
  {
    files: [`${APP_JS}/**/*.js`],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: "latest",
      // Classic scripts (app.js and the other page scripts), loaded with <script defer>.
      sourceType: "script",
      globals: { ...globals.browser, htmx: "readonly" },
    },
  },
  {
    // The editor, passkeys and importing: ES modules, loaded with <script type="module">.
    files: [
      `${APP_JS}/editor/**/*.js`,
      `${APP_JS}/passkeys.js`,
      `${APP_JS}/two-step-passkey.js`,
      `${APP_JS}/import-review*.js`,
      `${APP_JS}/import-dialog.js`,
      `${APP_JS}/direct-upload.js`,
      `${APP_JS}/copy.js`,
    ],
    languageOptions: { sourceType: "module" },
  },
  {
    // The tests' node scripts (other tools' themes, run to print a corpus): ES modules in node.
    files: ["tests/**/*.mjs"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: globals.node },
  },
];
