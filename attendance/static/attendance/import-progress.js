// The import page's progress while the worker checks or imports a file: polls the JSON
// progress address into the page's live region, and reloads the page when it is done.
// Without this script the page offers a refresh link instead.
(function () {
  const box = document.getElementById("import-progress");
  if (!box) return;
  const message = box.querySelector("[data-progress-message]");
  const refresh = box.querySelector("[data-progress-refresh]");
  if (refresh) refresh.hidden = true;

  function poll() {
    fetch(box.dataset.progressUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((progress) => {
        message.textContent = progress.message;
        if (progress.working) {
          window.setTimeout(poll, 1500);
        } else {
          window.location.reload();
        }
      })
      .catch(() => {
        if (refresh) refresh.hidden = false;
      });
  }
  window.setTimeout(poll, 1000);
})();
