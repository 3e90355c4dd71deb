// Builds the front end into portal/static_build/ (which collectstatic picks up):
// the compiled Sass, GOV.UK Frontend's fonts, images and JavaScript, and our own scripts.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "portal", "static_build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "portal", "css"), { recursive: true });

const result = sass.compile(join(here, "portal.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "portal", "css", "portal.css"), result.css);

cpSync(join(govuk, "assets"), join(out, "govuk", "assets"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
cpSync(join(here, "js"), join(out, "portal", "js"), { recursive: true });
console.log(`Built ${out}`);
