'use strict';

// Reads a ZIP archive held in memory: enough for a Lambda deployment package
// (stored and deflated entries, no encryption, no ZIP64, no multi-disk). Sizes
// and methods come from the central directory, which is authoritative even
// when local headers defer them to a data descriptor. Every entry's CRC-32 is
// checked, so a truncated or altered download is refused, not half-loaded.

const zlib = require('zlib');

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT_SIZE = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;

// Returns [{ name, data }] in the order of the central directory; directories
// (names ending in "/") are left out. Throws on anything it cannot read.
function readZip(zip) {
  const end = findEndOfCentralDirectory(zip);
  const entryCount = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < entryCount; i++) {
    requireSignature(zip, offset, CENTRAL_DIRECTORY_HEADER, 'central directory header');
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeaderOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) {
      continue;
    }
    if (flags & ENCRYPTED_FLAG) {
      throw new Error(`zip entry ${name} is encrypted`);
    }
    const compressed = entryBytes(zip, localHeaderOffset, compressedSize, name);
    const data = decompress(method, compressed, size, name);
    if (data.length !== size || zlib.crc32(data) !== crc) {
      throw new Error(`zip entry ${name} is corrupt (size or CRC-32 does not match)`);
    }
    entries.push({ name, data });
  }
  return entries;
}

function findEndOfCentralDirectory(zip) {
  const earliest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT_SIZE);
  for (let at = zip.length - END_RECORD_SIZE; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      return at;
    }
  }
  throw new Error('not a zip archive (no end of central directory record)');
}

function entryBytes(zip, localHeaderOffset, compressedSize, name) {
  requireSignature(zip, localHeaderOffset, LOCAL_FILE_HEADER, `local header of ${name}`);
  const nameLength = zip.readUInt16LE(localHeaderOffset + 26);
  const extraLength = zip.readUInt16LE(localHeaderOffset + 28);
  const start = localHeaderOffset + 30 + nameLength + extraLength;
  if (start + compressedSize > zip.length) {
    throw new Error(`zip entry ${name} runs past the end of the archive`);
  }
  return zip.subarray(start, start + compressedSize);
}

function decompress(method, compressed, size, name) {
  if (method === STORED) {
    return compressed;
  }
  if (method === DEFLATED) {
    return zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(size, 1) });
  }
  throw new Error(`zip entry ${name} uses compression method ${method}; only stored and deflated are read`);
}

function requireSignature(zip, offset, signature, what) {
  if (offset < 0 || offset + 4 > zip.length || zip.readUInt32LE(offset) !== signature) {
    throw new Error(`not a readable zip archive: no ${what} at byte ${offset}`);
  }
}

module.exports = { readZip };
