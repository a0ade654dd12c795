// Session mode: a countdown timer and one step at a time. Without this file every step is
// shown one below the other and the page still works.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector("[data-session]");
  if (!root) return;

  // --- timer ---
  const display = root.querySelector("[data-timer-display]");
  const toggle = root.querySelector("[data-timer-toggle]");
  const timerBox = display.closest(".session__timer");
  let remaining = Number(root.dataset.minutes || 15) * 60;
  let ticking = null;
  const show = () => {
    const sign = remaining < 0 ? "-" : "";
    const abs = Math.abs(remaining);
    display.textContent = `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
    timerBox.classList.toggle("session__timer--over", remaining < 0);
  };
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    if (ticking) {
      clearInterval(ticking);
      ticking = null;
      toggle.textContent = toggle.dataset.labelStart;
    } else {
      ticking = setInterval(() => { remaining -= 1; show(); }, 1000);
      toggle.textContent = toggle.dataset.labelPause;
    }
  });
  show();

  // --- steps ---
  const steps = Array.from(root.querySelectorAll("[data-step]"));
  const nav = root.querySelector("[data-step-nav]");
  const label = root.querySelector("[data-step-label]");
  const prev = root.querySelector("[data-step-prev]");
  const next = root.querySelector("[data-step-next]");
  let current = 0;
  const go = (index) => {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach((step, i) => { step.hidden = i !== current; });
    label.textContent = `${current + 1} / ${steps.length}`;
    prev.disabled = current === 0;
    next.disabled = current === steps.length - 1;
  };
  nav.hidden = false;
  prev.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("textarea, input, select")) return;
    if (event.key === "ArrowRight") go(current + 1);
    if (event.key === "ArrowLeft") go(current - 1);
  });
  go(0);
});
