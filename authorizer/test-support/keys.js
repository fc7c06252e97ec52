'use strict';

const crypto = require('crypto');

// Fresh key pairs for every algorithm the authorizer supports, generated in
// the test run. Each entry has the public JWK the authorizer is configured
// with and a sign(signingInput) => Buffer that makes a signature as JWS wants.
function generateSigningKeys() {
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ed = crypto.generateKeyPairSync('ed25519');
  const secret = crypto.randomBytes(32);
  return {
    ES256: signingKey('es-key', 'ES256', ec,
      (input) => crypto.sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })),
    RS256: signingKey('rs-key', 'RS256', rsa,
      (input) => crypto.sign('sha256', Buffer.from(input), rsa.privateKey)),
    EdDSA: signingKey('ed-key', 'EdDSA', ed,
      (input) => crypto.sign(null, Buffer.from(input), ed.privateKey)),
    HS256: {
      kid: 'hs-key',
      alg: 'HS256',
      secret,
      jwk: { kty: 'oct', kid: 'hs-key', alg: 'HS256', k: secret.toString('base64url') },
      sign: (input) => crypto.createHmac('sha256', secret).update(input).digest(),
    },
  };
}

function signingKey(kid, alg, pair, sign) {
  return {
    kid,
    alg,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
    sign,
  };
}

module.exports = { generateSigningKeys };
