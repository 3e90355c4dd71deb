// Wagtail's admin starts inline panels, choosers and date and time pickers with inline
// scripts, which the portal's Content-Security-Policy refuses. shared/admin_start.py and
// the templates in shared/templates/wagtailadmin/ leave each call's arguments as JSON
// instead; this makes the calls, for what the page holds and what an inline panel adds.
const STARTERS = {
  InlinePanel: (args) => new window.InlinePanel(args),
  MultipleChooserPanel: (args) => new window.MultipleChooserPanel(args),
  initDateChooser: (args) => window.initDateChooser(args.id, args.config),
  initTimeChooser: (args) => window.initTimeChooser(args.id, args.config),
  initDateTimeChooser: (args) => window.initDateTimeChooser(args.id, args.config),
  // A page, snippet, document or image chooser: the constructor is one of Wagtail's globals.
  Chooser: (args) => new window[args.constructor](args.id, args.options),
};
const SELECTOR = 'script[type="application/json"][data-admin-init]';

function start(element) {
  // Once each; and not a copy Wagtail has already taken out of the page.
  if (element.dataset.started || !element.isConnected) return;
  element.dataset.started = "true";
  STARTERS[element.dataset.adminInit](JSON.parse(element.textContent));
}

function startWithin(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  if (node.matches(SELECTOR)) start(node);
  node.querySelectorAll(SELECTOR).forEach(start);
}

function startAll() {
  startWithin(document.body);
  new MutationObserver((changes) => {
    changes.forEach((change) => change.addedNodes.forEach(startWithin));
  }).observe(document.body, { childList: true, subtree: true });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startAll);
} else {
  startAll();
}
