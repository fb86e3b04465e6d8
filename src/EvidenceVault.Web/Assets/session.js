// Idle expiry: the server ends a session after its idle timeout; a minute before, this warns and offers to stay.
// Staying loads a page, which is activity the server counts. Without JavaScript the session simply expires.
const banner = document.querySelector("[data-idle-warning]");
const idleSeconds = Number(banner?.dataset.idleSeconds || 0);
if (idleSeconds > 60 && banner) {
  let warnTimer, endTimer;
  const arm = () => {
    clearTimeout(warnTimer); clearTimeout(endTimer);
    banner.hidden = true;
    warnTimer = setTimeout(() => { banner.hidden = false; banner.querySelector("button")?.focus(); }, (idleSeconds - 60) * 1000);
    endTimer = setTimeout(() => { location.assign("/sign-in?ended=true&returnUrl=" + encodeURIComponent(location.pathname + location.search)); }, idleSeconds * 1000);
  };
  banner.querySelector("button")?.addEventListener("click", async () => {
    await fetch("/session/keep-alive", { method: "GET", credentials: "same-origin", cache: "no-store" });
    arm();
  });
  arm();
}
