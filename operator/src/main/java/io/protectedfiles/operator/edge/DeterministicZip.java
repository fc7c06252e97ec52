package io.protectedfiles.operator.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A ZIP writer whose output depends on nothing but the entries: fixed timestamps (1980-01-01 00:00,
 * the earliest DOS date), fixed permissions (regular file, 0644, so Lambda can read every file), no
 * data descriptors, entries in the order given. java.util.zip cannot fix the permissions, and the
 * same content must give the same CodeSha256.
 */
final class DeterministicZip {

  private static final int DOS_TIME = 0;
  private static final int DOS_DATE = (1 << 5) | 1;
  private static final int VERSION_NEEDED = 20;
  private static final int VERSION_MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
  private static final int REGULAR_FILE_0644 = 0100644 << 16;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;

  private DeterministicZip() {}

  /** @param entries file names ("/"-separated, relative) to contents, written in iteration order */
  static byte[] write(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream centralDirectory = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] data = entry.getValue();
      byte[] deflated = deflate(data);
      int method = deflated.length < data.length ? DEFLATED : STORED;
      byte[] stored = method == DEFLATED ? deflated : data;
      int crc = crc32(data);
      int offset = out.size();
      out.writeBytes(localFileHeader(method, crc, stored.length, data.length, name.length));
      out.writeBytes(name);
      out.writeBytes(stored);
      centralDirectory.writeBytes(centralDirectoryHeader(method, crc, stored.length, data.length, name.length, offset));
      centralDirectory.writeBytes(name);
    }
    int centralDirectoryOffset = out.size();
    out.writeBytes(centralDirectory.toByteArray());
    out.writeBytes(endOfCentralDirectory(entries.size(), centralDirectory.size(), centralDirectoryOffset));
    return out.toByteArray();
  }

  private static byte[] localFileHeader(int method, int crc, int compressedSize, int size, int nameLength) {
    return little(30)
        .putInt(0x04034b50)
        .putShort((short) VERSION_NEEDED)
        .putShort((short) 0)
        .putShort((short) method)
        .putShort((short) DOS_TIME)
        .putShort((short) DOS_DATE)
        .putInt(crc)
        .putInt(compressedSize)
        .putInt(size)
        .putShort((short) nameLength)
        .putShort((short) 0)
        .array();
  }

  private static byte[] centralDirectoryHeader(
      int method, int crc, int compressedSize, int size, int nameLength, int localHeaderOffset) {
    return little(46)
        .putInt(0x02014b50)
        .putShort((short) VERSION_MADE_BY_UNIX)
        .putShort((short) VERSION_NEEDED)
        .putShort((short) 0)
        .putShort((short) method)
        .putShort((short) DOS_TIME)
        .putShort((short) DOS_DATE)
        .putInt(crc)
        .putInt(compressedSize)
        .putInt(size)
        .putShort((short) nameLength)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt(REGULAR_FILE_0644)
        .putInt(localHeaderOffset)
        .array();
  }

  private static byte[] endOfCentralDirectory(int entryCount, int centralDirectorySize, int centralDirectoryOffset) {
    return little(22)
        .putInt(0x06054b50)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) entryCount)
        .putShort((short) entryCount)
        .putInt(centralDirectorySize)
        .putInt(centralDirectoryOffset)
        .putShort((short) 0)
        .array();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static int crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return (int) crc.getValue();
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
