// The redaction editor: boxes drawn on an overlay over the player, in the video's own pixels (videoWidth × videoHeight,
// whatever size it is shown at), keyframes that move a box, mute and whole-frame blur spans. The spec (JSON version 1)
// is kept in the form's textarea, which the server parses; a refused spec comes back there and the list is rebuilt from it.
const editor = document.querySelector("[data-redaction-editor]");
const figure = document.querySelector("[data-player]");
if (editor && figure) setUp(editor, figure.querySelector("video"));

function setUp(editor, video) {
  const specField = editor.querySelector("[data-redaction-spec]");
  const list = editor.querySelector("[data-redaction-items]");
  const mode = editor.querySelector("[data-redaction-mode]");
  const from = editor.querySelector("[data-span-from]");
  const to = editor.querySelector("[data-span-to]");
  const duration = () => Number(editor.dataset.duration) || video.duration || 0;
  const round = (n) => Math.round(n * 1000) / 1000;
  for (const tools of editor.querySelectorAll("[data-redaction-tools]")) tools.hidden = false;

  let spec = read(specField.value);
  let selected = -1;
  let drawing = false;

  const overlay = document.createElement("div");
  overlay.className = "redaction-overlay";
  overlay.dataset.test = "redaction-overlay";
  figure.classList.add("redacting");
  figure.insertBefore(overlay, video.nextSibling);

  // Where the picture is on screen: the element's box minus the letterbox bars the browser adds to keep its aspect.
  const picture = () => {
    const w = video.videoWidth, h = video.videoHeight;
    const scale = Math.min(video.clientWidth / w, video.clientHeight / h);
    return { left: video.offsetLeft + (video.clientWidth - w * scale) / 2, top: video.offsetTop + (video.clientHeight - h * scale) / 2, scale, w, h };
  };
  const place = () => {
    const p = picture();
    Object.assign(overlay.style, { left: `${p.left}px`, top: `${p.top}px`, width: `${p.w * p.scale}px`, height: `${p.h * p.scale}px` });
    show();
  };
  video.addEventListener("loadedmetadata", place);
  video.addEventListener("seeked", show);
  video.addEventListener("timeupdate", show);
  window.addEventListener("resize", place);
  if (video.readyState >= 1) place();

  editor.querySelector("[data-redaction-draw]").addEventListener("click", () => { video.pause(); drawing = true; selected = -1; overlay.classList.add("drawing"); });

  let start = null;
  const rubber = document.createElement("div");
  rubber.className = "redaction-box rubber";
  overlay.addEventListener("pointerdown", (e) => {
    if (!drawing && selected < 0) return;
    const r = overlay.getBoundingClientRect();
    start = { x: e.clientX - r.left, y: e.clientY - r.top };
    overlay.setPointerCapture(e.pointerId);
    overlay.append(rubber);
    e.preventDefault();
  });
  overlay.addEventListener("pointermove", (e) => {
    if (!start) return;
    const r = overlay.getBoundingClientRect();
    const x = e.clientX - r.left, y = e.clientY - r.top;
    Object.assign(rubber.style, { left: `${Math.min(x, start.x)}px`, top: `${Math.min(y, start.y)}px`, width: `${Math.abs(x - start.x)}px`, height: `${Math.abs(y - start.y)}px` });
  });
  overlay.addEventListener("pointerup", (e) => {
    if (!start) return;
    const r = overlay.getBoundingClientRect();
    const s = picture().scale;
    const clamp = (v, max) => Math.max(0, Math.min(max, Math.round(v / s)));
    const p = picture();
    const x1 = clamp(Math.min(start.x, e.clientX - r.left), p.w), y1 = clamp(Math.min(start.y, e.clientY - r.top), p.h);
    const x2 = clamp(Math.max(start.x, e.clientX - r.left), p.w), y2 = clamp(Math.max(start.y, e.clientY - r.top), p.h);
    start = null;
    rubber.remove();
    if (x2 - x1 < 1 || y2 - y1 < 1) return;
    const box = { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
    const t = round(video.currentTime);
    if (drawing) {
      spec.regions.push({ mode: mode.value, from: t, to: round(duration()), box });
      selected = spec.regions.length - 1;
      drawing = false;
      overlay.classList.remove("drawing");
    } else {
      addKeyframe(spec.regions[selected], t, box);
    }
    write();
  });

  // A still box becomes a moving one at its second keyframe; the region's span grows to cover every keyframe.
  const addKeyframe = (region, t, box) => {
    const frames = region.keyframes ?? [{ t: region.from, ...region.box }];
    delete region.box;
    region.keyframes = [...frames.filter((k) => k.t !== t), { t, ...box }].sort((a, b) => a.t - b.t);
    region.from = Math.min(region.from, region.keyframes[0].t);
    region.to = Math.max(region.to, region.keyframes.at(-1).t);
  };
  editor.querySelector("[data-redaction-keyframe]").addEventListener("click", () => {
    if (selected < 0) return;
    video.pause();
    overlay.classList.add("drawing");
  });

  for (const button of editor.querySelectorAll("[data-span-now]")) {
    button.addEventListener("click", () => { (button.dataset.spanNow === "from" ? from : to).value = round(video.currentTime).toString(); });
  }
  const span = () => ({ from: Number(from.value), to: Number(to.value) });
  editor.querySelector("[data-add-mute]").addEventListener("click", () => { spec.mutes.push(span()); write(); });
  editor.querySelector("[data-add-frame-blur]").addEventListener("click", () => { spec.frameBlurs.push(span()); write(); });
  specField.addEventListener("change", () => { spec = read(specField.value); render(); show(); });

  function write() {
    const out = { version: 1 };
    for (const key of ["regions", "mutes", "frameBlurs"]) if (spec[key].length > 0) out[key] = spec[key];
    specField.value = JSON.stringify(out);
    render();
    show();
  }

  // The list: every item's span is editable in place and every item can be deleted. Its words come from the page
  // (data-* on the list, in the page's language), so the script holds no text of its own.
  function render() {
    list.replaceChildren();
    const item = (kind, index, entry, label) => {
      const li = document.createElement("li");
      li.dataset.kind = kind;
      const name = document.createElement(kind === "regions" ? "button" : "span");
      name.textContent = label;
      if (kind === "regions") {
        name.type = "button";
        name.setAttribute("aria-pressed", String(index === selected));
        name.addEventListener("click", () => { selected = index === selected ? -1 : index; render(); show(); });
      }
      li.append(name);
      for (const field of ["from", "to"]) {
        const input = document.createElement("input");
        Object.assign(input, { type: "number", min: "0", step: "0.001", value: String(entry[field]) });
        input.setAttribute("aria-label", `${label} ${list.dataset[field]}`);
        input.addEventListener("change", () => { entry[field] = Number(input.value); write(); });
        li.append(input);
      }
      const remove = document.createElement("button");
      Object.assign(remove, { type: "button", textContent: list.dataset.delete });
      remove.addEventListener("click", () => { spec[kind].splice(index, 1); if (kind === "regions") selected = -1; write(); });
      li.append(remove);
      list.append(li);
    };
    spec.regions.forEach((r, i) => {
      const b = r.box ?? r.keyframes?.[0] ?? {};
      const mode = (r.mode === "blur" ? list.dataset.blur : list.dataset.blackout) ?? r.mode;
      item("regions", i, r, `${mode} ${b.x},${b.y} ${b.w}×${b.h}` + (r.keyframes ? list.dataset.keyframes.replace("{0}", String(r.keyframes.length)) : ""));
    });
    spec.mutes.forEach((m, i) => item("mutes", i, m, list.dataset.mute));
    spec.frameBlurs.forEach((f, i) => item("frameBlurs", i, f, list.dataset.frameBlur));
  }

  // The boxes in force at the player's time, where the copy will hide them (keyframes interpolated as ffmpeg does).
  function show() {
    for (const old of overlay.querySelectorAll(".redaction-box:not(.rubber)")) old.remove();
    if (!video.videoWidth) return;
    const t = video.currentTime;
    const s = picture().scale;
    spec.regions.forEach((r, i) => {
      if (t < r.from || t > r.to) return;
      const b = boxAt(r, t);
      const div = document.createElement("div");
      div.className = `redaction-box ${r.mode}` + (i === selected ? " selected" : "");
      Object.assign(div.style, { left: `${b.x * s}px`, top: `${b.y * s}px`, width: `${b.w * s}px`, height: `${b.h * s}px` });
      overlay.append(div);
    });
  }

  render();
}

function boxAt(region, t) {
  const frames = region.keyframes;
  if (!frames) return region.box;
  const next = frames.findIndex((k) => k.t >= t);
  if (next <= 0) return frames[next < 0 ? frames.length - 1 : 0];
  const a = frames[next - 1], b = frames[next];
  const f = (t - a.t) / (b.t - a.t);
  const mix = (p) => Math.round(a[p] + (b[p] - a[p]) * f);
  return { x: mix("x"), y: mix("y"), w: mix("w"), h: mix("h") };
}

function read(text) {
  try {
    const parsed = JSON.parse(text || "{}");
    return { regions: parsed.regions ?? [], mutes: parsed.mutes ?? [], frameBlurs: parsed.frameBlurs ?? [] };
  } catch {
    return { regions: [], mutes: [], frameBlurs: [] };
  }
}
