'use strict';

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { buildBundle, bundleEntries } = require('../scripts/bundle');
const { createZip, crc32 } = require('../scripts/deterministic-zip');
const { SOURCE_DIR, EDGE_DIR, stageBundle, removeStaged } = require('../test-support/staging');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'authorizer-bundle-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Reads a zip through its central directory, as unzip does, and checks each
// local header against it.
function readZip(zip) {
  const end = zip.length - 22;
  assert.equal(zip.readUInt32LE(end), 0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const entry = {
      method,
      time: zip.readUInt16LE(offset + 12),
      date: zip.readUInt16LE(offset + 14),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      mode: zip.readUInt32LE(offset + 38) >>> 16,
      localOffset: zip.readUInt32LE(offset + 42),
    };
    const nameLength = zip.readUInt16LE(offset + 28);
    entry.name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);

    const local = entry.localOffset;
    assert.equal(zip.readUInt32LE(local), 0x04034b50);
    assert.equal(zip.readUInt32LE(local + 14), entry.crc);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(dataStart, dataStart + entry.compressedSize);
    entry.data = method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
    entries.push(entry);
  }
  return entries;
}

describe('deterministic zip', () => {
  it('computes the standard CRC-32', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.alloc(0)), 0);
  });
  it('writes entries that read back intact, with fixed times and modes', () => {
    const entries = [
      { name: 'a.js', data: Buffer.from('x'.repeat(500)) },
      { name: 'b.bin', data: Buffer.from([1, 2, 3]) },
      { name: 'empty', data: Buffer.alloc(0) },
    ];
    const read = readZip(createZip(entries));
    assert.deepEqual(read.map((entry) => entry.name), ['a.js', 'b.bin', 'empty']);
    for (const [i, entry] of read.entries()) {
      assert.deepEqual(entry.data, entries[i].data);
      assert.equal(entry.crc, crc32(entries[i].data));
      assert.equal(entry.size, entries[i].data.length);
      assert.equal(entry.time, 0);
      assert.equal(entry.date, (1 << 5) | 1);
      assert.equal(entry.mode, 0o100644);
    }
    assert.equal(read[0].method, 8);
    assert.equal(read[1].method, 0);
  });
});

describe('npm run bundle', () => {
  it('is byte-identical for the same input', () => {
    const first = buildBundle(path.join(scratch, 'first.zip'));
    const second = buildBundle(path.join(scratch, 'second.zip'));
    assert.equal(first.bytes, second.bytes);
    assert.deepEqual(fs.readFileSync(first.path), fs.readFileSync(second.path));
  });
  it('holds edge/index.js and a config.json, sorted, at the zip root', () => {
    const { path: zipPath } = buildBundle(path.join(scratch, 'bundle.zip'));
    const entries = readZip(fs.readFileSync(zipPath));
    assert.deepEqual(entries.map((entry) => entry.name), ['config.json', 'index.js']);
    assert.deepEqual(entries[0].data, fs.readFileSync(path.join(__dirname, '..', 'scripts', 'sample-config.json')));
    assert.deepEqual(entries[1].data, fs.readFileSync(path.join(EDGE_DIR, 'index.js')));
    assert.deepEqual(bundleEntries().map((entry) => entry.name), ['config.json', 'index.js']);
  });
});

describe('what ships', () => {
  // The operator ships all of edge/ with its own config.json beside it: a
  // stray file there (a config.json left from a trial, say) would ship too.
  it('edge/ holds index.js and nothing else', () => {
    assert.deepEqual(fs.readdirSync(EDGE_DIR), ['index.js']);
  });
  it('edge/index.js needs nothing but Node built-ins and config.json', () => {
    const directory = stageBundle(fs.readFileSync(path.join(__dirname, '..', 'scripts', 'sample-config.json'), 'utf8'), EDGE_DIR);
    try {
      const loadedBefore = new Set(Object.keys(require.cache));
      assert.equal(typeof require(path.join(directory, 'index.js')).handler, 'function');
      const loaded = Object.keys(require.cache).filter((file) => !loadedBefore.has(file));
      assert.deepEqual(loaded, [path.join(directory, 'index.js')]);
    } finally {
      removeStaged(directory);
    }
  });
  it('every module of src/ is loaded by src/index.js with the sample config', () => {
    const directory = stageBundle(fs.readFileSync(path.join(__dirname, '..', 'scripts', 'sample-config.json'), 'utf8'));
    try {
      require(path.join(directory, 'index.js'));
      const loaded = Object.keys(require.cache).filter((file) => file.startsWith(directory));
      const shipped = fs.readdirSync(directory).filter((file) => file !== 'config.json');
      assert.deepEqual(loaded.map((file) => path.basename(file)).sort(), shipped.sort());
      assert.deepEqual(shipped.sort(), fs.readdirSync(SOURCE_DIR).sort());
    } finally {
      removeStaged(directory);
    }
  });
});
