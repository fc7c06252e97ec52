'use strict';

const { decodeUtf8Strict, parseJsonObjectStrict } = require('./strict-json');
const { refusal } = require('./refusals');

// Refused before any decoding, so oversized input costs nothing.
const MAX_TOKEN_LENGTH = 4096;

// Headers that carry or locate keys (an attacker would supply their own),
// change what is signed (b64, crit), or mark something other than a plain
// signed JWT (cty for nesting, zip and enc for JWE). Nothing is ever fetched.
const REFUSED_HEADER_PARAMETERS = new Set(['crit', 'b64', 'jwk', 'jku', 'x5u', 'x5c', 'cty', 'zip', 'enc']);
const ACCEPTED_TYPES = new Set(['jwt', 'application/jwt']);

// An issuer puts the same header on every token, so the key a header segment
// resolves to is remembered. That depends only on the exact segment and the
// fixed keyring; the bound keeps crafted headers from growing memory.
const MAX_CACHED_HEADERS = 16;

const SEXTET_OF = new Int8Array(256).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].forEach((character, value) => {
  SEXTET_OF[character.charCodeAt(0)] = value;
});

// Decodes the base64url text in source[start, end) (bytes) into target from
// offset, and returns the number of bytes written, or -1 unless the text is
// the one canonical encoding of its bytes: only the alphabet, no padding, a
// possible length, and zero bits in the part of the last character that
// encodes no byte. Node's decoder accepts all of these deviations, so many
// strings would decode to the same bytes; the refused ones are exactly those
// that do not re-encode to themselves (a test checks this). Decoding in plain
// JS also avoids Node's vectorized decoder, whose warm-up between two
// signature checks costs more than the whole decode.
function decodeBase64UrlInto(target, offset, source, start, end) {
  const length = end - start;
  const tail = length % 4;
  if (tail === 1) {
    return -1;
  }
  const whole = end - tail;
  let out = offset;
  for (let i = start; i < whole; i += 4) {
    const group = (SEXTET_OF[source[i]] << 18) | (SEXTET_OF[source[i + 1]] << 12) |
      (SEXTET_OF[source[i + 2]] << 6) | SEXTET_OF[source[i + 3]];
    // A character outside the alphabet (-1) makes the group negative.
    if (group < 0) {
      return -1;
    }
    // A byte array keeps the low 8 bits of what is stored.
    target[out++] = group >> 16;
    target[out++] = group >> 8;
    target[out++] = group;
  }
  if (tail !== 0) {
    const a = SEXTET_OF[source[whole]];
    const b = SEXTET_OF[source[whole + 1]];
    const c = tail === 3 ? SEXTET_OF[source[whole + 2]] : 0;
    if ((a | b | c) < 0 || (tail === 2 ? b & 0x0f : c & 0x03) !== 0) {
      return -1;
    }
    target[out++] = (a << 2) | (b >> 4);
    if (tail === 3) {
      target[out++] = ((b & 0x0f) << 4) | (c >> 2);
    }
  }
  return out - offset;
}

// Decodes canonical base64url text, or returns null.
function decodeBase64UrlStrict(text) {
  const source = Buffer.from(text);
  const bytes = Buffer.allocUnsafe((source.length * 3) >> 2);
  return decodeBase64UrlInto(bytes, 0, source, 0, source.length) < 0 ? null : bytes;
}

// Verifies a JWS in compact serialization against the keyring and returns
// { ok: true, payloadText } or a refusal; payloadText is null when the payload
// is not UTF-8. The payload is not interpreted here: the signature is always
// checked before any claim is looked at.
function createCompactJwsVerifier(keyring) {
  const keysByHeaderSegment = new Map();
  // Shared by every call, so no request allocates a buffer: crypto reads them
  // synchronously, and the payload leaves as a string, so nothing refers to
  // them once a call returns. Room for 3 bytes per character: a token that
  // is not ASCII must never fit exactly.
  const tokenBytes = Buffer.allocUnsafeSlow(3 * MAX_TOKEN_LENGTH);
  const decoded = Buffer.allocUnsafeSlow(MAX_TOKEN_LENGTH);

  function keyForHeader(headerSegment) {
    const cached = keysByHeaderSegment.get(headerSegment);
    if (cached !== undefined) {
      return cached;
    }
    const resolved = resolveKey(keyring, tokenBytes, headerSegment.length);
    if (resolved.ok) {
      if (keysByHeaderSegment.size >= MAX_CACHED_HEADERS) {
        keysByHeaderSegment.clear();
      }
      keysByHeaderSegment.set(headerSegment, resolved);
    }
    return resolved;
  }

  return function verifyCompactJws(token) {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
      return refusal.malformed;
    }
    const firstDot = token.indexOf('.');
    const secondDot = token.indexOf('.', firstDot + 1);
    if (firstDot <= 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) !== -1) {
      return refusal.malformed;
    }
    // One byte per character exactly when the token is ASCII; then string and
    // byte offsets agree, and the bytes before the second dot are the signing input.
    if (tokenBytes.write(token) !== token.length) {
      return refusal.malformed;
    }
    const key = keyForHeader(token.slice(0, firstDot));
    if (!key.ok) {
      return key;
    }
    const payloadLength = decodeBase64UrlInto(decoded, 0, tokenBytes, firstDot + 1, secondDot);
    const signatureLength = payloadLength < 0 ? -1 :
      decodeBase64UrlInto(decoded, payloadLength, tokenBytes, secondDot + 1, token.length);
    if (signatureLength < 0) {
      return refusal.malformed;
    }
    const signature = decoded.subarray(payloadLength, payloadLength + signatureLength);
    if (!verifySafely(key, tokenBytes.subarray(0, secondDot), signature)) {
      return refusal.badSignature;
    }
    return { ok: true, payloadText: decodeUtf8Strict(decoded, 0, payloadLength) };
  };
}

// Returns { ok: true, verify } for the key the header names (its base64url
// text is tokenBytes[0, end)), or a refusal.
function resolveKey(keyring, tokenBytes, end) {
  const headerBytes = Buffer.allocUnsafe((end * 3) >> 2);
  const canonical = decodeBase64UrlInto(headerBytes, 0, tokenBytes, 0, end) >= 0;
  const headerText = canonical ? decodeUtf8Strict(headerBytes) : null;
  const header = headerText === null ? null : parseJsonObjectStrict(headerText);
  if (header === null || !hasAcceptableParameters(header)) {
    return refusal.malformed;
  }
  // kid is only ever an exact Map lookup: never a path, query or URL.
  const key = typeof header.kid === 'string' ? keyring.get(header.kid) : undefined;
  if (key === undefined) {
    return refusal.unknownKey;
  }
  if (header.alg !== key.alg) {
    return refusal.algorithmMismatch;
  }
  return { ok: true, verify: key.verify };
}

function hasAcceptableParameters(header) {
  for (const name of Object.keys(header)) {
    if (REFUSED_HEADER_PARAMETERS.has(name)) {
      return false;
    }
  }
  const type = header.typ;
  return type === undefined || (typeof type === 'string' && ACCEPTED_TYPES.has(type.toLowerCase()));
}

// A crypto call that throws means "not verified", never "let through".
function verifySafely(key, signingInput, signature) {
  try {
    return key.verify(signingInput, signature) === true;
  } catch {
    return false;
  }
}

module.exports = { createCompactJwsVerifier, decodeBase64UrlStrict };
