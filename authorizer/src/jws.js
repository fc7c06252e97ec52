'use strict';

const { parseJsonObjectStrict } = require('./strict-json');
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

// Decodes the base64url text in source[start, end) (bytes), or returns null
// unless it is the one canonical encoding of its bytes: only the alphabet, no
// padding, a possible length, and zero bits in the part of the last character
// that encodes no byte. Node's decoder accepts all of these deviations, so
// many strings would decode to the same bytes; the refused ones are exactly
// those that do not re-encode to themselves (a test checks this). Decoding in
// plain JS also avoids Node's vectorized decoder, whose warm-up between two
// signature checks costs more than the whole decode.
function decodeBase64UrlStrict(source, start = 0, end = source.length) {
  const length = end - start;
  const tail = length % 4;
  if (tail === 1) {
    return null;
  }
  const bytes = Buffer.allocUnsafe((length * 3) >> 2);
  const whole = end - tail;
  let out = 0;
  for (let i = start; i < whole; i += 4) {
    const a = SEXTET_OF[source[i]];
    const b = SEXTET_OF[source[i + 1]];
    const c = SEXTET_OF[source[i + 2]];
    const d = SEXTET_OF[source[i + 3]];
    if ((a | b | c | d) < 0) {
      return null;
    }
    const group = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = group >> 16;
    bytes[out++] = (group >> 8) & 0xff;
    bytes[out++] = group & 0xff;
  }
  if (tail !== 0) {
    const a = SEXTET_OF[source[whole]];
    const b = SEXTET_OF[source[whole + 1]];
    const c = tail === 3 ? SEXTET_OF[source[whole + 2]] : 0;
    if ((a | b | c) < 0 || (tail === 2 ? b & 0x0f : c & 0x03) !== 0) {
      return null;
    }
    bytes[out++] = (a << 2) | (b >> 4);
    if (tail === 3) {
      bytes[out] = ((b & 0x0f) << 4) | (c >> 2);
    }
  }
  return bytes;
}

// Verifies a JWS in compact serialization against the keyring and returns
// { ok: true, payload: Buffer } or a refusal. The payload is not interpreted
// here: the signature is always checked before any claim is looked at.
function createCompactJwsVerifier(keyring) {
  const keysByHeaderSegment = new Map();

  function keyForHeader(headerSegment, tokenBytes) {
    const cached = keysByHeaderSegment.get(headerSegment);
    if (cached !== undefined) {
      return cached;
    }
    const resolved = resolveKey(keyring, decodeBase64UrlStrict(tokenBytes, 0, headerSegment.length));
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
    const tokenBytes = Buffer.from(token);
    if (tokenBytes.length !== token.length) {
      return refusal.malformed;
    }
    const key = keyForHeader(token.slice(0, firstDot), tokenBytes);
    if (!key.ok) {
      return key;
    }
    const payload = decodeBase64UrlStrict(tokenBytes, firstDot + 1, secondDot);
    const signature = decodeBase64UrlStrict(tokenBytes, secondDot + 1, tokenBytes.length);
    if (payload === null || signature === null) {
      return refusal.malformed;
    }
    if (!verifySafely(key, tokenBytes.subarray(0, secondDot), signature)) {
      return refusal.badSignature;
    }
    return { ok: true, payload };
  };
}

// Returns { ok: true, verify } for the key the header names, or a refusal.
function resolveKey(keyring, headerBytes) {
  const header = headerBytes === null ? null : parseJsonObjectStrict(headerBytes);
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
