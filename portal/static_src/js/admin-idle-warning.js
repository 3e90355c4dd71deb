// The idle warning in the Wagtail admin (portal/wagtail_hooks.py). Its hooks cannot render
// the dialog for the person signed in, so this fetches it (nothing for anyone else).
import { startIdleWarnings } from "./idle-warning.js";

const script = document.querySelector("script[data-idle-warning-url]");
const response = await fetch(script.dataset.idleWarningUrl, {
  credentials: "same-origin",
  cache: "no-store",
});
if (response.status === 200) {
  const holder = document.createElement("div");
  holder.innerHTML = await response.text();
  document.body.append(...holder.children);
  startIdleWarnings(document);
}
