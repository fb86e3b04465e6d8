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

  const preview = figure.querySelector("[data-preview]");
  if (preview) setUpPreview(video, preview);

  figure.addEventListener("keydown", (e) => {
    // The speed list and the preview strip keep their own arrow keys.
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
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

// The hover preview: a seek strip under the video. Hovering it, or focusing and moving it with the keyboard, shows the
// sprite tile for that time; the cues (WebVTT) say which tile. Both are verified derivatives, fetched on first use so
// a page that is only read costs no extra download. Should they fail, the strip still seeks.
function setUpPreview(video, preview) {
  const strip = preview.querySelector("[data-preview-strip]");
  const tile = preview.querySelector("[data-preview-tile]");
  const image = preview.querySelector("[data-preview-image]");
  const time = preview.querySelector("[data-preview-time]");
  const duration = Number(strip.max);
  let cues = null;
  let loading = null;
  preview.hidden = false;

  const load = () => {
    loading ??= fetch(preview.dataset.cues, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : ""))
      .then((text) => { cues = parseCues(text); if (cues.length > 0) image.src = preview.dataset.sprite; })
      .catch(() => { cues = []; });
    return loading;
  };

  const show = async (at) => {
    strip.setAttribute("aria-valuetext", clockOf(at));
    await load();
    const cue = cues.find((c) => at >= c.start && at < c.end) ?? cues.at(-1);
    if (!cue) return;
    tile.style.width = `${cue.w}px`;
    tile.style.height = `${cue.h}px`;
    image.style.left = `${-cue.x}px`;
    image.style.top = `${-cue.y}px`;
    const left = (at / duration) * strip.clientWidth - cue.w / 2;
    tile.style.left = `${Math.max(0, Math.min(strip.clientWidth - cue.w, left))}px`;
    time.value = clockOf(at);
    tile.hidden = false;
  };
  const hide = () => { if (document.activeElement !== strip) tile.hidden = true; };

  strip.addEventListener("pointermove", (e) => {
    const box = strip.getBoundingClientRect();
    show(Math.max(0, Math.min(duration, ((e.clientX - box.left) / box.width) * duration)));
  });
  strip.addEventListener("pointerleave", hide);
  strip.addEventListener("focus", () => show(Number(strip.value)));
  strip.addEventListener("blur", () => { tile.hidden = true; });
  strip.addEventListener("input", () => { video.currentTime = Number(strip.value); show(Number(strip.value)); });
  video.addEventListener("timeupdate", () => { if (document.activeElement !== strip) strip.value = String(video.currentTime); });
}

// WebVTT cues of the form "00:00:01.000 --> 00:00:02.000" followed by "preview.jpg#xywh=x,y,w,h".
function parseCues(text) {
  const cues = [];
  for (const block of text.replace(/\r/g, "").split(/\n{2,}/)) {
    const lines = block.split("\n");
    const timing = lines.findIndex((line) => line.includes("-->"));
    const place = timing < 0 ? null : /#xywh=(\d+),(\d+),(\d+),(\d+)/.exec(lines[timing + 1] ?? "");
    if (!place) continue;
    const [start, end] = lines[timing].split("-->").map((stamp) => secondsOf(stamp.trim().split(/\s+/)[0]));
    cues.push({ start, end, x: Number(place[1]), y: Number(place[2]), w: Number(place[3]), h: Number(place[4]) });
  }
  return cues;
}

function secondsOf(stamp) {
  return stamp.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

function clockOf(seconds) {
  const whole = Math.floor(seconds);
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
