'use strict';

// Writes small zip archives for tests, in the shapes deployment packages come
// in: stored or deflated entries, sizes in the local header or (as Java's
// ZipOutputStream writes them) deferred to a data descriptor.

const zlib = require('zlib');

// entries: [{ name, data: Buffer|string, method?: 0|8, dataDescriptor?: boolean }]
function writeZip(entries) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data ?? '');
    const method = entry.method ?? 8;
    const stored = method === 8 ? zlib.deflateRawSync(data) : data;
    const crc = entry.crc ?? zlib.crc32(data);
    const deferred = entry.dataDescriptor === true;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(deferred ? 0x8 : 0, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(deferred ? 0 : crc, 14);
    header.writeUInt32LE(deferred ? 0 : stored.length, 18);
    header.writeUInt32LE(deferred ? 0 : data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const parts = [header, name, stored];
    if (deferred) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(stored.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      parts.push(descriptor);
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(deferred ? 0x8 : 0, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(stored.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    local.push(...parts);
    offset += parts.reduce((sum, part) => sum + part.length, 0);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

module.exports = { writeZip };
