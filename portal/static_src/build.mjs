// Builds the front end into portal/static_build/ (which collectstatic picks up):
// the compiled Sass, GOV.UK Frontend's fonts, images and JavaScript, the Urdu web font,
// and our own scripts.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "portal", "static_build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const naskh = join(root, "node_modules", "@fontsource", "noto-naskh-arabic");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "portal", "css"), { recursive: true });

const result = sass.compile(join(here, "portal.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "portal", "css", "portal.css"), result.css);
// The idle warning's dialog in the Wagtail admin, which does not load portal.css.
const adminIdleWarning = sass.compile(join(here, "admin-idle-warning.scss"), { style: "compressed" });
writeFileSync(join(out, "portal", "css", "admin-idle-warning.css"), adminIdleWarning.css);

cpSync(join(govuk, "assets"), join(out, "govuk", "assets"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
// Noto Naskh Arabic for Urdu: the Arabic-script subset, regular and bold, with its licence.
mkdirSync(join(out, "fonts"), { recursive: true });
for (const weight of [400, 700]) {
  for (const format of ["woff2", "woff"]) {
    const name = `noto-naskh-arabic-arabic-${weight}-normal.${format}`;
    cpSync(join(naskh, "files", name), join(out, "fonts", name));
  }
}
cpSync(join(naskh, "LICENSE"), join(out, "fonts", "noto-naskh-arabic-LICENSE.txt"));
cpSync(join(here, "js"), join(out, "portal", "js"), { recursive: true });
console.log(`Built ${out}`);
