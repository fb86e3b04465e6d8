// Uploads one file with the real tus-js-client: several small PATCHes, an abort mid-way, then a resume from the
// stored upload URL (HEAD for the offset, PATCH the rest). Prints one JSON line for the C# test to check.
// usage: node upload-abort-resume.cjs <endpoint> <file> <authorization> <sha256-hex> <chunk-size> <abort-after-bytes>
'use strict';
const fs = require('fs');
const path = require('path');
const tus = require('tus-js-client');

const [endpoint, file, authorization, sha256, chunkSize, abortAfter] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const common = {
  endpoint,
  chunkSize: Number(chunkSize),
  metadata: { filename: path.basename(file), sha256 },
  headers: { Authorization: authorization },
  retryDelays: null,
  storeFingerprintForResuming: false,
};

function firstPart() {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      ...common,
      onError: reject,
      onSuccess: () => reject(new Error('the first part should have been aborted before the end')),
      onProgress: (sent) => {
        // Abort in the middle of a PATCH body, after some chunks were accepted.
        if (sent >= Number(abortAfter) && !upload.aborting) {
          upload.aborting = true;
          upload.abort().then(() => resolve(upload.url), reject);
        }
      },
    });
    upload.start();
  });
}

function resume(uploadUrl) {
  return new Promise((resolve, reject) => {
    let resumedFrom = null;
    let patches = 0;
    const upload = new tus.Upload(bytes, {
      ...common,
      uploadUrl,
      onError: reject,
      onAfterResponse: (req, res) => {
        if (req.getMethod() === 'HEAD') {
          resumedFrom = Number(res.getHeader('Upload-Offset'));
        } else if (req.getMethod() === 'PATCH') {
          patches += 1;
        }
      },
      onSuccess: ({ lastResponse }) => resolve({
        uploadUrl,
        resumedFrom,
        patches,
        recording: lastResponse.getHeader('EvidenceVault-Recording'),
        status: lastResponse.getHeader('EvidenceVault-Status'),
      }),
    });
    upload.start();
  });
}

firstPart()
  .then(resume)
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error) => {
    console.error(String(error && error.stack || error));
    process.exit(1);
  });
