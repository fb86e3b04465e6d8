// The evidence player: speed 0.25×–2×, frame step while paused, keyboard shortcuts, and the recorder's own clock
// beside the media time. Plain module, no dependencies; the native controls keep working if it never loads.
const FRAME = 1 / 25;
const SPEEDS = [0.25, 0.5, 1, 1.5, 2];

for (const figure of document.querySelectorAll("[data-player]")) {
  const video = figure.querySelector("video");
  const controls = figure.querySelector(".player-controls");
  const speed = figure.querySelector("[data-speed]");
  const clock = figure.querySelector("[data-wall-clock]");
  const recordedAt = Number(figure.dataset.recordedAt);
  const offsetMinutes = Number(figure.dataset.zoneOffsetMinutes || 0);
  controls.hidden = false;

  const setSpeed = (rate) => { video.playbackRate = rate; speed.value = String(rate); };
  speed.addEventListener("change", () => setSpeed(Number(speed.value)));

  const step = (frames) => { video.pause(); video.currentTime = Math.max(0, video.currentTime + frames * FRAME); };
  for (const button of figure.querySelectorAll("[data-step]")) {
    button.addEventListener("click", () => step(Number(button.dataset.step)));
  }

  // The station's wall clock, not the browser's: the offset comes from the server.
  const showClock = () => {
    if (!Number.isFinite(recordedAt) || recordedAt === 0) { clock.value = "—"; return; }
    const at = new Date(recordedAt + video.currentTime * 1000 + offsetMinutes * 60000);
    clock.value = at.toISOString().replace("T", " ").slice(0, 23);
  };
  video.addEventListener("timeupdate", showClock);
  video.addEventListener("seeked", showClock);
  showClock();

  // Markers: a link seeks the player; the marker form takes the time the player stands at.
  for (const link of document.querySelectorAll("[data-seek]")) {
    link.addEventListener("click", (e) => { e.preventDefault(); video.currentTime = Number(link.dataset.seek); video.focus(); });
  }
  const markerAt = document.querySelector("[data-marker-form] input[type=number]");
  if (markerAt) {
    const follow = () => { if (document.activeElement !== markerAt) markerAt.value = video.currentTime.toFixed(3); };
    video.addEventListener("timeupdate", follow);
    video.addEventListener("seeked", follow);
  }

  figure.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLSelectElement) return;
    const index = SPEEDS.indexOf(video.playbackRate);
    switch (e.key) {
      case " ": e.preventDefault(); video.paused ? video.play() : video.pause(); break;
      case "ArrowLeft": e.preventDefault(); video.currentTime = Math.max(0, video.currentTime - 5); break;
      case "ArrowRight": e.preventDefault(); video.currentTime += 5; break;
      case ",": step(-1); break;
      case ".": step(1); break;
      case "[": setSpeed(SPEEDS[Math.max(0, (index < 0 ? 2 : index) - 1)]); break;
      case "]": setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, (index < 0 ? 2 : index) + 1)]); break;
      default: return;
    }
  });
}
