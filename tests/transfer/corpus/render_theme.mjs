// A JSON Resume theme from npm, run as its own tool runs it: the document on stdin, the theme's
// HTML on stdout. Usage: node render_theme.mjs jsonresume-theme-even < resume.json
import { readFileSync } from "node:fs";
import { argv, exit, stderr, stdout } from "node:process";

const name = argv[2];
if (!name?.startsWith("jsonresume-theme-")) {
  stderr.write("usage: render_theme.mjs jsonresume-theme-NAME < resume.json\n");
  exit(2);
}
const theme = await import(name);
// A CommonJS theme arrives as the default export; some themes return a promise.
const render = theme.render ?? theme.default.render;
stdout.write(await render(JSON.parse(readFileSync(0, "utf8"))));
