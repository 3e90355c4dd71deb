// Starts GOV.UK Frontend. A module script runs only in browsers that GOV.UK Frontend
// supports, so the class that switches on its enhanced styles is set here, not inline.
import { initAll } from "../../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
