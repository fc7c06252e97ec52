'use strict';

const { createHmac, createPublicKey, createSecretKey, timingSafeEqual, verify } = require('crypto');
const { decodeBase64UrlStrict } = require('./jws');

const MIN_RSA_MODULUS_BITS = 2048;
const MIN_HMAC_SECRET_BYTES = 32;
const PRIVATE_KEY_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

// Each algorithm: the JWK it needs and a factory for a verifier
// (signingInput: Buffer, signature: Buffer) => boolean bound to one key.
// Signature lengths are checked first, so malformed ones never reach OpenSSL.
const ALGORITHMS = new Map([
  ['ES256', { kty: 'EC', crv: 'P-256', publicMembers: ['crv', 'x', 'y'], createVerifier: es256Verifier }],
  ['RS256', { kty: 'RSA', publicMembers: ['n', 'e'], createVerifier: rs256Verifier }],
  ['EdDSA', { kty: 'OKP', crv: 'Ed25519', publicMembers: ['crv', 'x'], createVerifier: ed25519Verifier }],
  ['HS256', { kty: 'oct', createVerifier: hs256Verifier }],
]);

// Imports a JWKS once, at load, into a Map from kid to { alg, verify }. Every
// key is bound to exactly the algorithm its JWK names, which is what defeats
// RS256->HS256 key confusion: a token may only name the algorithm of its key.
// Throws on anything it cannot import exactly so.
function loadKeyring(jwks) {
  if (!isObject(jwks) || !Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    throw new Error('expected a JWKS {"keys": [JWK, ...]} with at least one key');
  }
  const keyring = new Map();
  for (const jwk of jwks.keys) {
    if (!isObject(jwk) || typeof jwk.kid !== 'string' || jwk.kid.length === 0) {
      throw new Error('every JWK needs a non-empty string "kid"');
    }
    if (keyring.has(jwk.kid)) {
      throw new Error(`duplicate kid "${jwk.kid}"`);
    }
    keyring.set(jwk.kid, importVerificationKey(jwk));
  }
  return keyring;
}

function importVerificationKey(jwk) {
  const fail = (message) => new Error(`key "${jwk.kid}": ${message}`);
  const algorithm = typeof jwk.alg === 'string' ? ALGORITHMS.get(jwk.alg) : undefined;
  if (algorithm === undefined) {
    throw fail(`unsupported "alg"; expected one of ${[...ALGORITHMS.keys()].join(', ')}`);
  }
  if (jwk.kty !== algorithm.kty || jwk.crv !== algorithm.crv) {
    throw fail(`alg ${jwk.alg} needs kty "${algorithm.kty}"` + (algorithm.crv ? ` and crv "${algorithm.crv}"` : ''));
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw fail('"use" must be "sig"');
  }
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) {
    throw fail('"key_ops" must include "verify"');
  }
  const key = algorithm.kty === 'oct' ? importHmacSecret(jwk, fail) : importPublicKey(jwk, algorithm, fail);
  return { alg: jwk.alg, verify: algorithm.createVerifier(key) };
}

function importPublicKey(jwk, algorithm, fail) {
  // Anyone who can read the function can read the bundle: a private key put
  // there by mistake must stop the deployment.
  if (PRIVATE_KEY_MEMBERS.some((member) => jwk[member] !== undefined)) {
    throw fail('private key material must not be shipped to the edge');
  }
  const publicJwk = { kty: algorithm.kty };
  for (const member of algorithm.publicMembers) {
    publicJwk[member] = jwk[member];
  }
  let key;
  try {
    key = createPublicKey({ key: publicJwk, format: 'jwk' });
  } catch (cause) {
    throw fail(`not a valid ${jwk.alg} public key (${cause.message})`);
  }
  if (algorithm.kty === 'RSA' && key.asymmetricKeyDetails.modulusLength < MIN_RSA_MODULUS_BITS) {
    throw fail(`RSA modulus shorter than ${MIN_RSA_MODULUS_BITS} bits`);
  }
  return key;
}

function importHmacSecret(jwk, fail) {
  const secret = typeof jwk.k === 'string' ? decodeBase64UrlStrict(jwk.k) : null;
  if (secret === null) {
    throw fail('"k" must be canonical base64url');
  }
  // A short secret is brute-forced offline from a single token.
  if (secret.length < MIN_HMAC_SECRET_BYTES) {
    throw fail(`HS256 secret shorter than ${MIN_HMAC_SECRET_BYTES} bytes`);
  }
  return createSecretKey(secret);
}

function es256Verifier(publicKey) {
  // JWS carries ECDSA signatures as raw r||s, never DER.
  const keyWithEncoding = { key: publicKey, dsaEncoding: 'ieee-p1363' };
  return (signingInput, signature) =>
    signature.length === 64 && !isAllZero(signature, 0, 32) && !isAllZero(signature, 32, 64) &&
    verify('sha256', signingInput, keyWithEncoding, signature);
}

function rs256Verifier(publicKey) {
  const signatureBytes = Math.ceil(publicKey.asymmetricKeyDetails.modulusLength / 8);
  return (signingInput, signature) =>
    signature.length === signatureBytes && verify('sha256', signingInput, publicKey, signature);
}

function ed25519Verifier(publicKey) {
  return (signingInput, signature) =>
    signature.length === 64 && verify(null, signingInput, publicKey, signature);
}

function hs256Verifier(secretKey) {
  return (signingInput, signature) =>
    signature.length === 32 &&
    timingSafeEqual(createHmac('sha256', secretKey).update(signingInput).digest(), signature);
}

// The "psychic signature" (CVE-2022-21449): r = 0 or s = 0 must never verify,
// whatever the library underneath does.
function isAllZero(bytes, start, end) {
  for (let i = start; i < end; i++) {
    if (bytes[i] !== 0) {
      return false;
    }
  }
  return true;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const SUPPORTED_ALGORITHMS = [...ALGORITHMS.keys()];

module.exports = { loadKeyring, SUPPORTED_ALGORITHMS };
