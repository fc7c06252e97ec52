'use strict';

// Builds dist/authorizer.zip: every file of edge/ (the built index.js) plus a
// sample config.json, as the operator packages the function (its own
// config.json replaces the sample). Prints the zip's size.

const fs = require('fs');
const path = require('path');
const { createZip } = require('./deterministic-zip');

const AUTHORIZER_DIR = path.join(__dirname, '..');
const EDGE_DIR = path.join(AUTHORIZER_DIR, 'edge');
const SAMPLE_CONFIG = path.join(__dirname, 'sample-config.json');
const DEFAULT_OUTPUT = path.join(AUTHORIZER_DIR, 'dist', 'authorizer.zip');

// Entry names are relative to the zip root, "/"-separated and sorted, so the
// Lambda handler is "index.handler".
function bundleEntries() {
  const entries = listFiles(EDGE_DIR).map((relative) => ({
    name: relative,
    data: fs.readFileSync(path.join(EDGE_DIR, relative)),
  }));
  entries.push({ name: 'config.json', data: fs.readFileSync(SAMPLE_CONFIG) });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function listFiles(directory, prefix = '') {
  const files = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      files.push(...listFiles(path.join(directory, entry.name), relative));
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}

function buildBundle(outputPath = DEFAULT_OUTPUT) {
  const zip = createZip(bundleEntries());
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, zip);
  return { path: outputPath, bytes: zip.length };
}

module.exports = { buildBundle, bundleEntries };

if (require.main === module) {
  const { path: outputPath, bytes } = buildBundle();
  console.log(`${path.relative(process.cwd(), outputPath)}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
}
