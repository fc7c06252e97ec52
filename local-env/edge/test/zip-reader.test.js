'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { readZip } = require('../src/zip-reader');
const { writeZip } = require('../test-support/zip-writer');

test('reads stored and deflated entries in central directory order', () => {
  const zip = writeZip([
    { name: 'config.json', data: '{"audience":"team-assets"}', method: 0 },
    { name: 'index.js', data: 'exports.handler = async () => null;\n'.repeat(20), method: 8 },
  ]);

  const entries = readZip(zip);

  assert.deepEqual(entries.map((entry) => entry.name), ['config.json', 'index.js']);
  assert.equal(entries[0].data.toString(), '{"audience":"team-assets"}');
  assert.equal(entries[1].data.toString(), 'exports.handler = async () => null;\n'.repeat(20));
});

test('takes sizes from the central directory when local headers defer them to a data descriptor', () => {
  const zip = writeZip([{ name: 'lib/a.js', data: 'module.exports = 1;\n', dataDescriptor: true }]);

  assert.equal(readZip(zip)[0].data.toString(), 'module.exports = 1;\n');
});

test('leaves out directory entries and reads an empty file', () => {
  const zip = writeZip([{ name: 'lib/', data: '', method: 0 }, { name: 'empty.txt', data: '', method: 8 }]);

  assert.deepEqual(readZip(zip).map((entry) => [entry.name, entry.data.length]), [['empty.txt', 0]]);
});

test('finds the end record behind an archive comment', () => {
  const zip = writeZip([{ name: 'a.txt', data: 'a' }]);
  const comment = Buffer.from('made by a test');
  zip.writeUInt16LE(comment.length, zip.length - 2);

  assert.equal(readZip(Buffer.concat([zip, comment]))[0].data.toString(), 'a');
});

test('refuses corrupt, truncated and unsupported archives', () => {
  assert.throws(() => readZip(writeZip([{ name: 'a.txt', data: 'abc', crc: 1 }])), /a\.txt is corrupt/);
  assert.throws(() => readZip(Buffer.from('not a zip at all, just some text here')), /not a zip archive/);
  const zip = writeZip([{ name: 'a.txt', data: 'abc'.repeat(100), method: 0 }]);
  assert.throws(() => readZip(Buffer.concat([zip.subarray(0, 40), zip.subarray(zip.length - 22 - 46 - 5)])), /not a readable zip|runs past/);
  const bzip2 = writeZip([{ name: 'b.txt', data: 'b', method: 0 }]);
  bzip2.writeUInt16LE(12, bzip2.length - 22 - 46 - 5 + 10);
  assert.throws(() => readZip(bzip2), /compression method 12/);
});
