// Guided intervision session: a countdown timer for the current step. Without this file the
// timer stays hidden and Previous/Next (plain form buttons) still work.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector("[data-step-minutes]");
  if (!root) return;
  const box = root.querySelector("[data-timer]");
  const display = box.querySelector("[data-timer-display]");
  const announce = box.querySelector("[data-timer-announce]");
  const toggle = box.querySelector("[data-timer-toggle]");
  const reset = box.querySelector("[data-timer-reset]");
  const total = Number(root.dataset.stepMinutes || 5) * 60;
  let remaining = total;
  let ticking = null;

  const show = () => {
    const sign = remaining < 0 ? "-" : "";
    const abs = Math.abs(remaining);
    display.textContent = `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
    box.classList.toggle("session__timer--over", remaining < 0);
  };
  const stop = () => {
    clearInterval(ticking);
    ticking = null;
    toggle.textContent = toggle.dataset.labelStart;
  };
  toggle.addEventListener("click", () => {
    if (ticking) {
      stop();
      return;
    }
    ticking = setInterval(() => {
      remaining -= 1;
      if (remaining === 0) announce.textContent = toggle.dataset.labelDone;
      show();
    }, 1000);
    toggle.textContent = toggle.dataset.labelPause;
  });
  reset.addEventListener("click", () => {
    stop();
    remaining = total;
    announce.textContent = "";
    show();
  });
  box.hidden = false;
  show();
});
