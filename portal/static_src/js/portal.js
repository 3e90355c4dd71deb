// Starts GOV.UK Frontend. A module script runs only in browsers that GOV.UK Frontend
// supports, so the class that switches on its enhanced styles is set here, not inline.
import { initAll } from "../../govuk/govuk-frontend.min.js";
// Time limits (issue 17, item 3): the warning before staff are signed out.
import { startIdleWarnings } from "./idle-warning.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
startIdleWarnings(document);
