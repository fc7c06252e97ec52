'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const SOURCE_DIR = path.join(__dirname, '..', 'src');

// Lays out src/ plus a config.json in a temporary folder, as the deployed
// bundle is, so index.js can be loaded for real. `configText` is written
// verbatim; null writes no config.json at all.
function stageBundle(configText) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'authorizer-'));
  for (const file of fs.readdirSync(SOURCE_DIR)) {
    fs.copyFileSync(path.join(SOURCE_DIR, file), path.join(directory, file));
  }
  if (configText !== null) {
    fs.writeFileSync(path.join(directory, 'config.json'), configText);
  }
  return directory;
}

function removeStaged(directory) {
  fs.rmSync(directory, { recursive: true, force: true });
}

module.exports = { stageBundle, removeStaged };
