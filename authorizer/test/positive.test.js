'use strict';

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const {
  NOW,
  ORIGIN,
  TARGETS,
  testKeys,
  validClaims,
  validToken,
  viewerRequest,
  queryRequest,
  bearerRequest,
  expectStatus,
  expectForwarded,
} = require('../test-support/fixture');
const { signToken } = require('../test-support/tokens');

const keys = testKeys();

for (const target of TARGETS) {
  describe(target.name, () => {
    const { authorizerFor } = target;
    const authorize = authorizerFor();

    describe('accepted tokens', () => {
      for (const alg of ['ES256', 'RS256', 'EdDSA', 'HS256']) {
        it(`accepts a valid ${alg} token in the query string`, async () => {
          await expectForwarded(authorize, queryRequest(validToken(alg)));
        });
        it(`accepts a valid ${alg} token in an Authorization: Bearer header`, async () => {
          await expectForwarded(authorize, bearerRequest(`Bearer ${validToken(alg)}`));
        });
      }
      it('accepts HEAD as well as GET', async () => {
        const request = queryRequest(validToken());
        request.method = 'HEAD';
        await expectForwarded(authorize, request);
      });
      it('accepts each spelling of typ, and none', async () => {
        for (const typ of ['JWT', 'jwt', 'application/jwt', undefined]) {
          await expectForwarded(authorize, queryRequest(validToken('ES256', {}, { typ })));
        }
      });
      it('accepts header parameters it has no reason to refuse', async () => {
        await expectForwarded(authorize, queryRequest(validToken('ES256', {}, { x5t: 'bm90LWEta2V5', custom: 1 })));
      });
      it('accepts fractional NumericDates and tokens without iat or nbf', async () => {
        const { iat: _, ...claims } = validClaims({ exp: NOW + 0.5, nbf: NOW - 0.5 });
        await expectForwarded(authorize, queryRequest(signToken(keys.ES256, claims)));
      });
      it('accepts any of several path prefixes', async () => {
        const token = validToken('ES256', { paths: ['/a/', '/t1/', '/b'] });
        await expectForwarded(authorize, queryRequest(token, { uri: '/t1/x.png' }));
        await expectForwarded(authorize, queryRequest(token, { uri: '/b/deep/er/x.png' }));
        await expectStatus(authorize, queryRequest(token, { uri: '/c/x.png' }), '403');
      });
      it('accepts every key of a rotated key set by its kid', async () => {
        const older = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const olderKey = {
          kid: 'es-key-2024',
          alg: 'ES256',
          sign: (input) => crypto.sign('sha256', Buffer.from(input), { key: older.privateKey, dsaEncoding: 'ieee-p1363' }),
        };
        const rotated = authorizerFor({
          keys: { keys: [keys.ES256.jwk, { ...older.publicKey.export({ format: 'jwk' }), kid: 'es-key-2024', alg: 'ES256' }] },
        });
        await expectForwarded(rotated, queryRequest(validToken('ES256')));
        await expectForwarded(rotated, queryRequest(signToken(olderKey, validClaims())));
      });
    });

    describe('what goes on to the origin', () => {
      it('strips the token from the query string byte for byte, keeping order', async () => {
        const token = validToken();
        const request = viewerRequest({ querystring: `b=2&a=%7E1+x&authorization=${token}&c=&a=3;d&%E2%9C%93=%zz` });
        await expectForwarded(authorize, request);
        assert.equal(request.querystring, 'b=2&a=%7E1+x&c=&a=3;d&%E2%9C%93=%zz');
      });
      it('adds the configured Origin header when the viewer sent none', async () => {
        const request = queryRequest(validToken());
        await expectForwarded(authorize, request);
        assert.deepEqual(request.headers.origin, [{ key: 'Origin', value: ORIGIN }]);
      });
      it('keeps the Origin the viewer sent', async () => {
        const request = queryRequest(validToken());
        request.headers.origin = [{ key: 'Origin', value: 'https://other.example.com' }];
        await expectForwarded(authorize, request);
        assert.deepEqual(request.headers.origin, [{ key: 'Origin', value: 'https://other.example.com' }]);
      });
      it('adds no Origin when no default is configured', async () => {
        const request = queryRequest(validToken());
        await expectForwarded(authorizerFor({ defaultOrigin: null }), request);
        assert.equal(request.headers.origin, undefined);
      });
      it('leaves everything else as it was', async () => {
        const request = bearerRequest(`Bearer ${validToken()}`, { uri: '/t1/a%20b.png' });
        request.querystring = 'size=large';
        request.headers.host = [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }];
        request.headers['user-agent'] = [{ key: 'User-Agent', value: 'test' }];
        const before = structuredClone(request);
        await expectForwarded(authorize, request);
        delete before.headers.authorization;
        before.headers.origin = [{ key: 'Origin', value: ORIGIN }];
        assert.deepEqual(request, before);
      });
    });

    describe('CORS preflight', () => {
      it('passes OPTIONS through untouched, with or without a token', async () => {
        for (const request of [
          viewerRequest({ method: 'OPTIONS', uri: '/t1/x.png' }),
          viewerRequest({ method: 'OPTIONS', uri: '/anything/../x', querystring: 'authorization=junk&authorization=x' }),
          { ...bearerRequest('Bearer junk'), method: 'OPTIONS' },
        ]) {
          const before = structuredClone(request);
          assert.equal(await authorize(request), request);
          assert.deepEqual(request, before);
        }
      });
    });

    describe('configurable names', () => {
      it('reads the token from the configured query parameter and grants by the configured claim', async () => {
        const custom = authorizerFor({ queryParameter: 'access_token', pathClaim: 'prefixes' });
        const token = validToken('ES256', { prefixes: ['/t1/'], paths: undefined });
        const request = viewerRequest({ querystring: `x=1&access_token=${token}` });
        await expectForwarded(custom, request);
        assert.equal(request.querystring, 'x=1');
        await expectStatus(custom, queryRequest(token), '401');
        await expectStatus(custom, viewerRequest({ querystring: `access_token=${validToken()}` }), '401');
      });
    });

    describe('responses', () => {
      it('are small, uncached, plain text, and carry the RFC 6750 challenge', async () => {
        const missing = await expectStatus(authorize, viewerRequest(), '401');
        assert.equal(missing.statusDescription, 'Unauthorized');
        assert.deepEqual(missing.headers['content-type'], [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }]);
        assert.deepEqual(missing.headers['www-authenticate'], [{ key: 'WWW-Authenticate', value: 'Bearer' }]);
        assert.equal(missing.body, 'Unauthorized\n');
        const forbidden = await expectStatus(authorize, queryRequest(validToken(), { uri: '/t2/x' }), '403');
        assert.deepEqual(forbidden.headers['www-authenticate'], [{ key: 'WWW-Authenticate', value: 'Bearer error="insufficient_scope"' }]);
        const bad = await expectStatus(authorize, queryRequest(validToken(), { uri: '/t1/../x' }), '400');
        assert.equal(bad.headers['www-authenticate'], undefined);
        assert.equal(bad.body, 'Bad Request\n');
      });
    });
  });
}
