'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const SOURCE_DIR = path.join(__dirname, '..', 'src');
const EDGE_DIR = path.join(__dirname, '..', 'edge');

// Lays out the files of `codeDir` (src/ by default, or edge/) plus a
// config.json in a temporary folder, as the deployed bundle is, so index.js
// can be loaded for real. `configText` is written verbatim; null writes no
// config.json at all.
function stageBundle(configText, codeDir = SOURCE_DIR) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'authorizer-'));
  for (const file of fs.readdirSync(codeDir)) {
    fs.copyFileSync(path.join(codeDir, file), path.join(directory, file));
  }
  if (configText !== null) {
    fs.writeFileSync(path.join(directory, 'config.json'), configText);
  }
  return directory;
}

function removeStaged(directory) {
  fs.rmSync(directory, { recursive: true, force: true });
}

module.exports = { SOURCE_DIR, EDGE_DIR, stageBundle, removeStaged };
