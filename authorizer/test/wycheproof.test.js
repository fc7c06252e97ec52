'use strict';

// Conformance with Google's Wycheproof vectors, read from the shared folder
// beside the repository (never copied in). Skipped when it is absent. The
// signature vectors sign arbitrary messages, not JWS signing inputs, so they
// can only reach the key ring of src/; the JWS vectors go through the handler
// of both src/ and the built edge/index.js.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { loadKeyring, SUPPORTED_ALGORITHMS } = require('../src/keyring');
const { TARGETS, bearerRequest, challengeOf } = require('../test-support/fixture');

const VECTORS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'vectors', 'wycheproof');
const skip = fs.existsSync(VECTORS_DIR) ? false : `no Wycheproof vectors at ${VECTORS_DIR}`;

function readVectors(file) {
  return JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8'));
}

// Every verdict must match; "acceptable" vectors may go either way.
function checkSignatureVectors(file, alg, jwkOf) {
  const vectors = readVectors(file);
  let checked = 0;
  for (const group of vectors.testGroups) {
    const keyring = loadKeyring({ keys: [{ ...jwkOf(group), kid: 'vector-key', alg }] });
    const { verify } = keyring.get('vector-key');
    for (const test of group.tests) {
      const accepted = verify(Buffer.from(test.msg, 'hex'), Buffer.from(test.sig, 'hex'));
      if (test.result !== 'acceptable') {
        assert.equal(accepted, test.result === 'valid', `${file} tcId ${test.tcId} (${test.comment})`);
        checked++;
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} vectors checked`);
}

describe('Wycheproof', () => {
  it('ECDSA P-256 SHA-256 with IEEE P1363 signatures (ES256)', { skip }, () => {
    checkSignatureVectors('ecdsa_secp256r1_sha256_p1363_test.json', 'ES256',
      (group) => group.publicKeyJwk ?? p256JwkFrom(group.publicKey));
  });

  it('Ed25519 (EdDSA)', { skip }, () => {
    checkSignatureVectors('ed25519_test.json', 'EdDSA', (group) => group.publicKeyJwk);
  });

  it('RSASSA-PKCS1-v1_5 2048-bit SHA-256 (RS256)', { skip }, () => {
    checkSignatureVectors('rsa_signature_2048_sha256_test.json', 'RS256', (group) => group.keyJwk);
  });
});

// The refusals a handler gives before it looks at the claims: any other
// outcome means the JWS itself was accepted.
const JWS_REFUSALS = ['malformed token', 'unknown signing key', 'algorithm does not match the key', 'invalid signature']
  .map((description) => `Bearer error="invalid_token", error_description="${description}"`);

for (const { name, authorizerFor } of TARGETS) {
  describe(`Wycheproof through the handler: ${name}`, () => {
    it('JSON Web Signature', { skip }, async () => {
      const vectors = readVectors('json_web_signature_test.json');
      const jwsOf = (tcId) => vectors.testGroups.flatMap((group) => group.tests).find((test) => test.tcId === tcId).jws;
      const tally = { valid: 0, invalid: 0, unsupported: 0 };
      for (const group of vectors.testGroups) {
        const jwk = group.public ?? group.private;
        const usableForSigning = (jwk.use === undefined || jwk.use === 'sig') &&
          (jwk.key_ops === undefined || jwk.key_ops.includes('verify'));
        const supported = SUPPORTED_ALGORITHMS.includes(jwk.alg);
        let authorize;
        try {
          authorize = authorizerFor({ keys: { keys: [{ ...jwk, kid: jwk.kid ?? kidOf(group) }] } });
        } catch (error) {
          // Keys for other algorithms, or not meant for signing, are refused at
          // load, so none of their tokens could ever be accepted.
          assert.ok(!supported || !usableForSigning, `${group.comment}: ${error.message}`);
          tally.unsupported += group.tests.length;
          continue;
        }
        assert.ok(supported && usableForSigning, `${group.comment}: key should have been refused`);
        for (const test of group.tests) {
          const expected = relabelled(test, jwsOf) ?? test.result;
          const request = bearerRequest(`Bearer ${test.jws}`);
          const result = await authorize(request);
          assert.notEqual(result.status, '400', `tcId ${test.tcId}: the request itself was refused`);
          const accepted = result === request || !JWS_REFUSALS.includes(challengeOf(result));
          assert.equal(accepted, expected === 'valid', `${group.comment} tcId ${test.tcId} (${test.comment})`);
          tally[expected]++;
        }
      }
      assert.ok(tally.valid >= 5 && tally.invalid >= 250, JSON.stringify(tally));
    });
  });
}

// This copy of the vectors holds four that contradict another vector or the
// attack list. Each is first checked to be what this says it is, then judged
// by the rule named here instead of its label.
function relabelled(test, jwsOf) {
  switch (test.tcId) {
    case 367:
    case 370:
      // Labelled invalid, yet byte for byte the token of tcId 357, labelled valid.
      assert.equal(test.jws, jwsOf(357));
      return 'valid';
    case 372:
    case 373:
      // Labelled valid, yet holding "?", which is not base64url: attack #14
      // requires refusing stray characters.
      assert.match(test.jws, /\?/);
      return 'invalid';
    default:
      return undefined;
  }
}

function p256JwkFrom(publicKey) {
  const coordinate = (hex) => Buffer.from(hex.padStart(64, '0').slice(-64), 'hex').toString('base64url');
  return { kty: 'EC', crv: 'P-256', x: coordinate(publicKey.wx), y: coordinate(publicKey.wy) };
}

// Some vector keys carry no kid; their tokens name one in the header.
function kidOf(group) {
  for (const test of group.tests) {
    if (typeof test.jws === 'string') {
      try {
        const header = JSON.parse(Buffer.from(test.jws.split('.')[0], 'base64url').toString('utf8'));
        if (typeof header.kid === 'string') {
          return header.kid;
        }
      } catch {
        // Deliberately broken headers carry no kid to learn from.
      }
    }
  }
  return 'no-kid';
}
