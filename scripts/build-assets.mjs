// Builds the committed front-end assets from the pinned npm packages.
// Run `npm ci && npm run build` after changing assets/scss or package.json.
import { cpSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const frontend = join(root, "node_modules", "govuk-frontend", "dist");
const out = join(root, "src", "improvement_hub", "core", "static", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "assets", "scss", "hub.scss"), {
  loadPaths: [frontend],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "slash-div"],
});
writeFileSync(join(out, "hub.css"), result.css);

// Only the JavaScript is copied: the images and fonts carry the GOV.UK crown and
// GDS Transport, which a council service must not use.
cpSync(join(frontend, "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
// HTMX, for progressive enhancement only (every journey works without it).
cpSync(
  join(root, "node_modules", "htmx.org", "dist", "htmx.min.js"),
  join(root, "src", "improvement_hub", "core", "static", "hub", "htmx.min.js"),
);
writeFileSync(
  join(out, "VERSION"),
  `govuk-frontend ${JSON.parse((await import("node:fs")).readFileSync(join(frontend, "..", "package.json"))).version}\n`,
);
console.log("built", out);
