'use strict';

const { isUtf8 } = require('buffer');

// Deeper structures never occur in a JWT header or claims set; refusing them
// bounds the work an attacker can cause.
const MAX_NESTING = 16;

const BACKSLASH = 0x5c;
const COLON = 0x3a;

// The text of the UTF-8 bytes[start, end), or null when they are not valid
// UTF-8. Decoding turns each invalid sequence into U+FFFD, so only text
// holding one needs the check of the bytes themselves.
function decodeUtf8Strict(bytes, start = 0, end = bytes.length) {
  const text = bytes.toString('utf8', start, end);
  return text.includes('\uFFFD') && !isUtf8(bytes.subarray(start, end)) ? null : text;
}

// Parses JSON text that must be an object without duplicate keys.
// JSON.parse keeps the last of duplicate keys ({"alg":"RS256","alg":"none"}),
// so two parsers can read one token differently. JSON.parse does the parsing;
// the text is then checked to hold exactly as many keys as the parsed value,
// which differs precisely when some object repeats a key (escapes included,
// since the comparison is on parsed keys). "__proto__" stays an own property
// under JSON.parse, so it cannot reach any prototype. Returns null when refused.
function parseJsonObjectStrict(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return null;
  }
  const distinctKeys = countDistinctKeys(value, 0);
  if (distinctKeys < 0 || distinctKeys !== countKeyOccurrences(text)) {
    return null;
  }
  return value;
}

// Returns -1 when nesting exceeds MAX_NESTING.
function countDistinctKeys(value, depth) {
  if (value === null || typeof value !== 'object') {
    return 0;
  }
  if (depth >= MAX_NESTING) {
    return -1;
  }
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = countDistinctKeys(value[i], depth + 1);
      if (inner < 0) {
        return -1;
      }
      count += inner;
    }
    return count;
  }
  const keys = Object.keys(value);
  count = keys.length;
  for (let i = 0; i < keys.length; i++) {
    const inner = countDistinctKeys(value[keys[i]], depth + 1);
    if (inner < 0) {
      return -1;
    }
    count += inner;
  }
  return count;
}

// Only valid JSON reaches here, so every quote outside a string opens one, and
// a string is a key exactly when a colon follows it.
function countKeyOccurrences(text) {
  let count = 0;
  let start = text.indexOf('"');
  while (start !== -1) {
    const end = closingQuote(text, start);
    let next = end + 1;
    while (isJsonWhitespace(text.charCodeAt(next))) {
      next++;
    }
    if (text.charCodeAt(next) === COLON) {
      count++;
    }
    start = text.indexOf('"', next);
  }
  return count;
}

function closingQuote(text, openingQuote) {
  let candidate = text.indexOf('"', openingQuote + 1);
  while (isEscaped(text, candidate)) {
    candidate = text.indexOf('"', candidate + 1);
  }
  return candidate;
}

function isEscaped(text, quote) {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

function isJsonWhitespace(code) {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

module.exports = { decodeUtf8Strict, parseJsonObjectStrict };
