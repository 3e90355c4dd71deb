// "Print or save as PDF" on the governors' report opens the browser's print dialogue.
for (const button of document.querySelectorAll("[data-print-page]")) {
  button.addEventListener("click", () => window.print());
}
