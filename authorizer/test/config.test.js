'use strict';

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const path = require('path');
const {
  TARGETS,
  testKeys,
  baseConfig,
  viewerRequestEvent,
  validToken,
  queryRequest,
  expectForwarded,
  expectStatus,
} = require('../test-support/fixture');
const { stageBundle, removeStaged } = require('../test-support/staging');

const keys = testKeys();
const staged = [];

after(() => staged.forEach(removeStaged));

for (const target of TARGETS) {
  describe(target.name, () => {
    const { authorizerFor } = target;

    describe('index.js, loaded as Lambda@Edge loads it', () => {
      // configText: a string or bytes, or null for no config.json at all.
      const loadStagedHandler = (configText) => {
        const directory = stageBundle(configText, target.directory);
        staged.push(directory);
        return require(path.join(directory, 'index.js')).handler;
      };
      it('reads config.json beside it and serves the handler', async () => {
        const handler = loadStagedHandler(JSON.stringify(baseConfig()));
        const allowed = queryRequest(validToken('ES256', { iat: undefined, exp: Math.floor(Date.now() / 1000) + 600 }));
        assert.equal(await handler(viewerRequestEvent(allowed)), allowed);
        const refused = await handler(viewerRequestEvent(queryRequest('not-a-token')));
        assert.equal(refused.status, '401');
      });
      it('throws at load when config.json is missing', () => {
        assert.throws(() => loadStagedHandler(null), /ENOENT|config\.json/);
      });
      it('throws at load when config.json is not a JSON object without duplicate keys', () => {
        for (const text of ['', 'not json', '[]', 'null', '{"issuer":"a","issuer":"b"}']) {
          assert.throws(() => loadStagedHandler(text), /authorizer configuration/);
        }
      });
      it('throws at load when config.json is not UTF-8, and reads U+FFFD that is', () => {
        // Everything else in the config is ASCII, so its only 0xef is U+FFFD's.
        const bytes = Buffer.from(JSON.stringify({ ...baseConfig(), audience: 'team-\ufffd' }));
        assert.doesNotThrow(() => loadStagedHandler(bytes));
        bytes[bytes.indexOf(0xef)] = 0xff;
        assert.throws(() => loadStagedHandler(bytes), /authorizer configuration: config.json must be UTF-8/);
      });
      it('throws at load when config.json is invalid', () => {
        assert.throws(() => loadStagedHandler(JSON.stringify({ ...baseConfig(), issuer: '' })), /"issuer"/);
      });
    });

    describe('settings', () => {
      const refuses = (overrides, pattern) => assert.throws(() => authorizerFor(overrides), pattern);
      it('requires audience, and issuer when given to be a non-empty string', () => {
        refuses({ audience: undefined }, /"audience" must be a non-empty string/);
        refuses({ audience: '' }, /"audience" must be a non-empty string/);
        refuses({ audience: ['team-assets'] }, /"audience"/);
        refuses({ issuer: '' }, /"issuer" must be a non-empty string/);
        refuses({ issuer: 5 }, /"issuer" must be a non-empty string/);
      });
      it('checks no iss when no issuer is configured', async () => {
        for (const issuer of [undefined, null]) {
          const unchecked = authorizerFor({ issuer });
          for (const iss of ['https://any.example.com', undefined, 5]) {
            await expectForwarded(unchecked, queryRequest(validToken('ES256', { iss })));
          }
        }
      });
      it('refuses unknown fields, which are most likely misspelt options', () => {
        refuses({ clockSkew: 10 }, /unknown field "clockSkew"/);
      });
      it('validates every optional field', () => {
        refuses({ queryParameter: 'a&b' }, /"queryParameter"/);
        refuses({ queryParameter: '' }, /"queryParameter"/);
        refuses({ pathClaim: 7 }, /"pathClaim"/);
        refuses({ clockSkewSeconds: -1 }, /"clockSkewSeconds"/);
        refuses({ clockSkewSeconds: 301 }, /"clockSkewSeconds"/);
        refuses({ clockSkewSeconds: 1.5 }, /"clockSkewSeconds"/);
        refuses({ maxTokenAgeSeconds: 0 }, /"maxTokenAgeSeconds"/);
        refuses({ maxTokenAgeSeconds: '3600' }, /"maxTokenAgeSeconds"/);
        for (const origin of ['https://app.example.com/', 'https://app.example.com/path', 'ftp://x.example', 'app.example.com', '*',
          'https://app.example.com:123456', 'https://user@app.example.com']) {
          refuses({ defaultOrigin: origin }, /"defaultOrigin"/);
        }
        for (const origin of ['https://App.Example.com', 'http://localhost:8080']) {
          assert.doesNotThrow(() => authorizerFor({ defaultOrigin: origin }));
        }
      });
      it('takes defaults for absent or null optional fields', async () => {
        const minimal = { keys: { keys: [keys.ES256.jwk] }, audience: 'team-assets' };
        const nulls = { ...minimal, queryParameter: null, pathClaim: null, clockSkewSeconds: null, maxTokenAgeSeconds: null, defaultOrigin: null };
        for (const config of [minimal, nulls]) {
          const now = 1_750_000_000;
          const authorize = target.load(config, { now });
          const request = queryRequest(validToken('ES256', { exp: now - 29 }));
          await expectForwarded(authorize, request);
          assert.equal(request.headers.origin, undefined);
          await expectStatus(authorize, queryRequest(validToken('ES256', { exp: now - 30 })), '401');
        }
      });
      it('refuses a config that is not an object', () => {
        for (const config of [null, [], 'x', 1]) {
          assert.throws(() => target.load(config), /authorizer configuration/);
        }
      });
    });

    describe('keys', () => {
      const withKeys = (...jwks) => authorizerFor({ keys: { keys: jwks } });
      const refuses = (jwks, pattern) => assert.throws(() => withKeys(...jwks), pattern);
      const rsa1024 = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
      const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });

      it('needs a JWKS with at least one key', () => {
        for (const jwks of [undefined, null, [], {}, { keys: [] }, { keys: {} }]) {
          assert.throws(() => authorizerFor({ keys: jwks }), /"keys": expected a JWKS/);
        }
      });
      it('needs a unique, non-empty string kid on every key', () => {
        refuses([{ ...keys.ES256.jwk, kid: undefined }], /non-empty string "kid"/);
        refuses([{ ...keys.ES256.jwk, kid: '' }], /non-empty string "kid"/);
        refuses([{ ...keys.ES256.jwk, kid: 7 }], /non-empty string "kid"/);
        refuses([keys.ES256.jwk, { ...keys.RS256.jwk, kid: 'es-key' }], /duplicate kid "es-key"/);
      });
      it('supports exactly ES256, RS256, EdDSA and HS256', () => {
        for (const alg of [undefined, 'none', 'RS384', 'PS256', 'ES384', 'ES512', 'HS512', 'es256']) {
          refuses([{ ...keys.ES256.jwk, alg }], /unsupported "alg"/);
        }
      });
      it('needs the key type and curve that the algorithm names', () => {
        refuses([{ ...keys.RS256.jwk, alg: 'ES256' }], /needs kty "EC" and crv "P-256"/);
        refuses([{ ...p384, kid: 'p384', alg: 'ES256' }], /crv "P-256"/);
        refuses([{ ...keys.ES256.jwk, alg: 'RS256' }], /needs kty "RSA"/);
        refuses([{ ...keys.ES256.jwk, alg: 'EdDSA' }], /needs kty "OKP" and crv "Ed25519"/);
        refuses([{ ...keys.HS256.jwk, alg: 'ES256' }], /needs kty "EC"/);
        refuses([{ ...keys.ES256.jwk, alg: 'HS256' }], /needs kty "oct"/);
      });
      it('refuses keys meant for something other than verifying signatures', () => {
        refuses([{ ...keys.ES256.jwk, use: 'enc' }], /"use" must be "sig"/);
        refuses([{ ...keys.ES256.jwk, key_ops: ['encrypt'] }], /"key_ops" must include "verify"/);
        assert.doesNotThrow(() => withKeys({ ...keys.ES256.jwk, key_ops: ['verify'] }));
      });
      it('refuses private key material without echoing it', () => {
        for (const alg of ['ES256', 'RS256', 'EdDSA']) {
          const privateJwk = { ...keys[alg].privateKey.export({ format: 'jwk' }), kid: 'leak', alg };
          assert.throws(() => withKeys(privateJwk), (error) => {
            assert.match(error.message, /private key material must not be shipped/);
            assert.ok(!error.message.includes(privateJwk.d));
            return true;
          });
        }
      });
      it('refuses weak or broken keys', () => {
        refuses([{ ...rsa1024, kid: 'small', alg: 'RS256' }], /shorter than 2048 bits/);
        const offCurve = { ...keys.ES256.jwk, y: Buffer.alloc(32, 1).toString('base64url') };
        refuses([offCurve], /not a valid ES256 public key/);
        refuses([{ ...keys.EdDSA.jwk, x: 'AAAA' }], /not a valid EdDSA public key/);
        refuses([{ ...keys.HS256.jwk, k: `${keys.HS256.jwk.k}=` }], /"k" must be canonical base64url/);
      });
      it('never puts a secret in an error message', () => {
        const secret = crypto.randomBytes(16).toString('base64url');
        assert.throws(() => withKeys({ kty: 'oct', kid: 'weak', alg: 'HS256', k: secret }), (error) => {
          assert.ok(!error.message.includes(secret));
          return true;
        });
      });
    });
  });
}
