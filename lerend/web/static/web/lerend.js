// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Browsers without ::details-content: open the main menu's fold on a wide screen.
  const wide = window.matchMedia("(min-width: 48rem)");
  document.querySelectorAll("details[data-main-nav]").forEach((fold) => {
    if (wide.matches) fold.open = true;
  });
  // Auto-submit selects that ask for it (language switch and filters); the button stays for no-JS.
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
