// The stations' live view: every 2 s while the tab is visible, fetch this page again and swap in its board, so the
// bays are rendered in one place (the server) and a signed-out session simply stops the refresh.
const board = document.querySelector("[data-live-board]");
if (board) {
  const refresh = async () => {
    if (document.visibilityState !== "visible") return;
    const response = await fetch(location.href, { credentials: "same-origin", cache: "no-store", redirect: "manual" });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("[data-live-board]");
    if (fresh) board.replaceChildren(...fresh.childNodes);
  };
  setInterval(() => refresh().catch(() => {}), 2000);
}
