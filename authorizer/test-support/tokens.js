'use strict';

function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

// Signs arbitrary header and payload text, so tests can build tokens no JWT
// library would produce (duplicate keys, odd types, invalid UTF-8).
function signRaw(key, headerText, payloadText) {
  const signingInput = `${base64url(headerText)}.${base64url(payloadText)}`;
  return `${signingInput}.${key.sign(signingInput).toString('base64url')}`;
}

function signToken(key, claims, headerOverrides = {}) {
  const header = { alg: key.alg, kid: key.kid, typ: 'JWT', ...headerOverrides };
  return signRaw(key, JSON.stringify(header), JSON.stringify(claims));
}

// Replaces the signature of a token with the given bytes.
function withSignature(token, signature) {
  return `${token.slice(0, token.lastIndexOf('.'))}.${base64url(signature)}`;
}

function signatureOf(token) {
  return Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
}

module.exports = { base64url, signRaw, signToken, withSignature, signatureOf };
