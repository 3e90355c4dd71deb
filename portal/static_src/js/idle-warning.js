// The warning before staff are signed out for inactivity (WCAG 2.2.1), after GOV.UK's
// timeout warning pattern: a modal dialog a little before (the server says how long),
// with "Stay signed in" (Escape does the same) and "Sign out". The server decides: the
// script asks it how long is really left before it warns and before it signs out, so work
// in another tab of the same session puts both off. When the time is up, what was typed
// into a form on the page goes with the sign-out, to be kept for this person until they
// sign in again (portal/idle.py, portal/kept_input.py).

const SECOND = 1000;
// Screen readers hear the countdown when the dialog opens, every 30 seconds, and once
// more 20 seconds before the end; the visible text changes every second.
const SPEAK_EVERY = 30;
const SPEAK_LAST = 20;
const CONTROL = "portal-kept-";

export function startIdleWarning(element) {
  if (!element || element.dataset.started) return;
  element.dataset.started = "true";
  const settings = element.dataset;
  const warning = Number(settings.warningSeconds);
  const texts = JSON.parse(settings.countdown);
  const dialog = element.querySelector("dialog");
  const shown = element.querySelector("[data-idle-countdown]");
  const spoken = element.querySelector("[data-idle-announce]");
  const endForm = element.querySelector("form[data-idle-end]");
  const csrfInput = endForm.querySelector("[name=csrfmiddlewaretoken]");

  let deadline = Date.now() + Number(settings.remainingSeconds) * SECOND;
  let timer = null;
  let lastSpoken = null;
  let returnFocusTo = null;
  let closing = false; // the script itself is closing the dialog
  let typedInto = null; // the form last typed into: what the sign-out keeps
  let signingOut = false;

  // A field's form, or the form around a rich text editor (Wagtail's are not fields).
  const remember = (event) => {
    const target = event.target;
    const form = target && (target.form || (target.closest && target.closest("form")));
    const method = form ? (form.getAttribute("method") || "").toLowerCase() : "";
    if (method === "post" && !element.contains(form)) typedInto = form;
  };
  document.addEventListener("input", remember, true);
  document.addEventListener("change", remember, true);

  const secondsLeft = () => Math.ceil((deadline - Date.now()) / SECOND);

  function text(left) {
    if (left >= 60) {
      const minutes = Math.ceil(left / 60);
      const known = Object.keys(texts.minutes).map(Number);
      return texts.minutes[Math.min(minutes, Math.max(...known))];
    }
    return texts.seconds[Math.max(1, left)];
  }

  // The server's answer, or our own reckoning if it cannot be reached.
  async function askServer() {
    try {
      const response = await fetch(settings.statusUrl, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      });
      const state = await response.json();
      if (state.csrf) csrfInput.value = state.csrf; // changed if they signed in again elsewhere
      return state.signed_in ? state.remaining : 0;
    } catch {
      return secondsLeft();
    }
  }

  function waitForWarning() {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, deadline - warning * SECOND - Date.now()));
  }

  async function check() {
    const left = await askServer();
    deadline = Date.now() + left * SECOND;
    if (left <= 0) {
      signOut("timeout");
    } else if (left > warning) {
      close();
      waitForWarning();
    } else {
      open();
    }
  }

  function open() {
    if (!dialog.open) {
      returnFocusTo = document.activeElement;
      lastSpoken = null;
      shown.textContent = text(secondsLeft());
      dialog.showModal(); // moves focus into the dialog, to "Stay signed in"
    }
    tick();
  }

  function tick() {
    clearTimeout(timer);
    const left = secondsLeft();
    if (left <= 0) {
      check(); // another tab may have stayed signed in
      return;
    }
    shown.textContent = text(left);
    const speak =
      lastSpoken === null ||
      lastSpoken - left >= SPEAK_EVERY ||
      (left <= SPEAK_LAST && lastSpoken > SPEAK_LAST);
    if (speak) {
      spoken.textContent = text(left);
      if (lastSpoken !== null) recheck();
      lastSpoken = left;
    }
    timer = setTimeout(tick, SECOND);
  }

  // While the warning shows: did another tab stay signed in?
  async function recheck() {
    const left = await askServer();
    if (left > warning && dialog.open) {
      deadline = Date.now() + left * SECOND;
      close();
      waitForWarning();
    }
  }

  function close() {
    if (!dialog.open) return;
    closing = true; // the close event comes later: it reads and clears this
    dialog.close();
  }

  dialog.addEventListener("close", () => {
    const ours = closing;
    closing = false;
    clearTimeout(timer);
    spoken.textContent = "";
    if (returnFocusTo && document.contains(returnFocusTo)) returnFocusTo.focus();
    returnFocusTo = null;
    // Escape closes the dialog itself (the browser decides): that is "stay signed in".
    if (!ours && !signingOut) stay();
  });

  async function stay() {
    let left = 0;
    try {
      const response = await fetch(settings.keepAliveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrfInput.value },
      });
      const state = await response.json();
      left = state.signed_in ? state.remaining : 0;
    } catch {
      left = secondsLeft();
    }
    deadline = Date.now() + left * SECOND;
    if (left <= 0) {
      signOut("timeout");
      return;
    }
    close();
    waitForWarning();
  }

  function add(name, value) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    endForm.append(input);
  }

  // Sign out through the server, sending the form last typed into (not its files, which
  // cannot be kept: their names are sent so the person is told).
  function signOut(reason) {
    if (signingOut) return;
    signingOut = true;
    clearTimeout(timer);
    add(`${CONTROL}reason`, reason);
    add(`${CONTROL}page`, window.location.pathname + window.location.search);
    if (typedInto && document.contains(typedInto)) {
      const action = typedInto.getAttribute("action") || window.location.href;
      add(`${CONTROL}action`, new URL(action, window.location.href).href);
      for (const [name, value] of new FormData(typedInto)) {
        if (name === "csrfmiddlewaretoken") continue;
        if (value instanceof File) {
          if (value.name) add(`${CONTROL}dropped`, value.name);
        } else {
          add(name, value);
        }
      }
    }
    HTMLFormElement.prototype.submit.call(endForm);
  }

  element.querySelector("[data-idle-stay]").addEventListener("click", () => stay());
  element.querySelector("[data-idle-sign-out]").addEventListener("click", (event) => {
    event.preventDefault();
    signOut("chosen");
  });

  waitForWarning();
}

export function startIdleWarnings(root = document) {
  root.querySelectorAll('[data-module="app-idle-warning"]').forEach(startIdleWarning);
}
