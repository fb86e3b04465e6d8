// Browser uploads over tus (tus-js-client, loaded before this module as window.tus): drag and drop or pick several
// files; each is hashed (SHA-256, declared to the server, which re-hashes and refuses a mismatch), then sent in
// chunks that survive a dropped network (retries resume from the server's offset) and a page reload (the upload URL
// is kept in localStorage by the file's fingerprint). Each row ends with the server's own answer.
import { sha256Hex } from "./sha256.js";

const form = document.querySelector("[data-upload]");
const picker = form.querySelector("input[type=file]");
const zone = form.querySelector("[data-drop]");
const list = document.querySelector("[data-upload-list]");
const text = JSON.parse(form.dataset.text);
const endpoint = form.dataset.endpoint;
form.querySelector("[data-upload-js]").hidden = false;

picker.addEventListener("change", () => { for (const file of picker.files) send(file); picker.value = ""; });
zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
zone.addEventListener("dragleave", () => zone.classList.remove("over"));
zone.addEventListener("drop", (e) => {
  e.preventDefault();
  zone.classList.remove("over");
  for (const file of e.dataTransfer.files) send(file);
});

function row(file) {
  const item = document.createElement("li");
  item.dataset.file = file.name;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = file.name;
  const bar = document.createElement("progress");
  bar.max = file.size || 1;
  bar.value = 0;
  bar.setAttribute("aria-label", file.name);
  const state = document.createElement("span");
  state.className = "state";
  state.setAttribute("role", "status");
  item.append(name, bar, state);
  list.append(item);
  return { item, bar, state };
}

function problemOf(error) {
  const response = error.originalResponse;
  if (!response) return error.message;
  try {
    const body = JSON.parse(response.getBody());
    return `${body.title}: ${body.detail ?? ""}`.trim();
  } catch {
    return `HTTP ${response.getStatus()}`;
  }
}

async function send(file) {
  const { item, bar, state } = row(file);
  state.textContent = text.hashing;
  const sha256 = await sha256Hex(file, (done) => { bar.value = done; });
  bar.value = 0;
  const caseNumber = form.querySelector("[name=case]")?.value.trim();
  const metadata = { filename: file.name, sha256 };
  if (caseNumber) metadata.case = caseNumber;
  let answer = {};
  const upload = new window.tus.Upload(file, {
    endpoint,
    chunkSize: 8 * 1024 * 1024,
    metadata,
    retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress: (sent, total) => { bar.value = sent; state.textContent = `${Math.floor((sent * 100) / total)} %`; },
    // The last PATCH's answer names the outcome (stored, duplicate, quarantined, refused) and the recording.
    onAfterResponse: (_, response) => {
      answer = { status: response.getHeader("EvidenceVault-Status"), recording: response.getHeader("EvidenceVault-Recording") };
    },
    onError: (error) => { item.dataset.status = "failed"; state.textContent = `${text.failed} ${problemOf(error)}`; },
    onSuccess: () => {
      const status = answer.status || "sent";
      item.dataset.status = status;
      state.textContent = text[status] ?? status;
      if (answer.recording) {
        const link = document.createElement("a");
        link.href = `/evidence/${encodeURIComponent(answer.recording)}`;
        link.textContent = answer.recording;
        link.dataset.recording = answer.recording;
        state.append(" · ", link);
      }
    },
  });
  // A page reload (or a closed tab) left this file half-sent: continue where the server says it stopped.
  const previous = await upload.findPreviousUploads();
  if (previous.length > 0) {
    state.textContent = text.resuming;
    upload.resumeFromPreviousUpload(previous[0]);
  }
  upload.start();
}
