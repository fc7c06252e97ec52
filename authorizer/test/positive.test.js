'use strict';

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const {
  NOW,
  ORIGIN,
  testKeys,
  authorizerFor,
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
const authorize = authorizerFor();

describe('accepted tokens', () => {
  for (const alg of ['ES256', 'RS256', 'EdDSA', 'HS256']) {
    it(`accepts a valid ${alg} token in the query string`, () => {
      expectForwarded(authorize, queryRequest(validToken(alg)));
    });
    it(`accepts a valid ${alg} token in an Authorization: Bearer header`, () => {
      expectForwarded(authorize, bearerRequest(`Bearer ${validToken(alg)}`));
    });
  }
  it('accepts HEAD as well as GET', () => {
    const request = queryRequest(validToken());
    request.method = 'HEAD';
    expectForwarded(authorize, request);
  });
  it('accepts each spelling of typ, and none', () => {
    for (const typ of ['JWT', 'jwt', 'application/jwt', undefined]) {
      expectForwarded(authorize, queryRequest(validToken('ES256', {}, { typ })));
    }
  });
  it('accepts header parameters it has no reason to refuse', () => {
    expectForwarded(authorize, queryRequest(validToken('ES256', {}, { x5t: 'bm90LWEta2V5', custom: 1 })));
  });
  it('accepts fractional NumericDates and tokens without iat or nbf', () => {
    const { iat: _, ...claims } = validClaims({ exp: NOW + 0.5, nbf: NOW - 0.5 });
    expectForwarded(authorize, queryRequest(signToken(keys.ES256, claims)));
  });
  it('accepts any of several path prefixes', () => {
    const token = validToken('ES256', { paths: ['/a/', '/t1/', '/b'] });
    expectForwarded(authorize, queryRequest(token, { uri: '/t1/x.png' }));
    expectForwarded(authorize, queryRequest(token, { uri: '/b/deep/er/x.png' }));
    expectStatus(authorize, queryRequest(token, { uri: '/c/x.png' }), '403');
  });
  it('accepts every key of a rotated key set by its kid', () => {
    const older = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const olderKey = {
      kid: 'es-key-2024',
      alg: 'ES256',
      sign: (input) => crypto.sign('sha256', Buffer.from(input), { key: older.privateKey, dsaEncoding: 'ieee-p1363' }),
    };
    const rotated = authorizerFor({
      keys: { keys: [keys.ES256.jwk, { ...older.publicKey.export({ format: 'jwk' }), kid: 'es-key-2024', alg: 'ES256' }] },
    });
    expectForwarded(rotated, queryRequest(validToken('ES256')));
    expectForwarded(rotated, queryRequest(signToken(olderKey, validClaims())));
  });
});

describe('what goes on to the origin', () => {
  it('strips the token from the query string byte for byte, keeping order', () => {
    const token = validToken();
    const request = viewerRequest({ querystring: `b=2&a=%7E1+x&authorization=${token}&c=&a=3;d&%E2%9C%93=%zz` });
    expectForwarded(authorize, request);
    assert.equal(request.querystring, 'b=2&a=%7E1+x&c=&a=3;d&%E2%9C%93=%zz');
  });
  it('adds the configured Origin header when the viewer sent none', () => {
    const request = queryRequest(validToken());
    expectForwarded(authorize, request);
    assert.deepEqual(request.headers.origin, [{ key: 'Origin', value: ORIGIN }]);
  });
  it('keeps the Origin the viewer sent', () => {
    const request = queryRequest(validToken());
    request.headers.origin = [{ key: 'Origin', value: 'https://other.example.com' }];
    expectForwarded(authorize, request);
    assert.deepEqual(request.headers.origin, [{ key: 'Origin', value: 'https://other.example.com' }]);
  });
  it('adds no Origin when no default is configured', () => {
    const request = queryRequest(validToken());
    expectForwarded(authorizerFor({ defaultOrigin: null }), request);
    assert.equal(request.headers.origin, undefined);
  });
  it('leaves everything else as it was', () => {
    const request = bearerRequest(`Bearer ${validToken()}`, { uri: '/t1/a%20b.png' });
    request.querystring = 'size=large';
    request.headers.host = [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }];
    request.headers['user-agent'] = [{ key: 'User-Agent', value: 'test' }];
    const before = structuredClone(request);
    expectForwarded(authorize, request);
    delete before.headers.authorization;
    before.headers.origin = [{ key: 'Origin', value: ORIGIN }];
    assert.deepEqual(request, before);
  });
});

describe('CORS preflight', () => {
  it('passes OPTIONS through untouched, with or without a token', () => {
    for (const request of [
      viewerRequest({ method: 'OPTIONS', uri: '/t1/x.png' }),
      viewerRequest({ method: 'OPTIONS', uri: '/anything/../x', querystring: 'authorization=junk&authorization=x' }),
      { ...bearerRequest('Bearer junk'), method: 'OPTIONS' },
    ]) {
      const before = structuredClone(request);
      assert.equal(authorize(request), request);
      assert.deepEqual(request, before);
    }
  });
});

describe('configurable names', () => {
  it('reads the token from the configured query parameter and grants by the configured claim', () => {
    const custom = authorizerFor({ queryParameter: 'access_token', pathClaim: 'prefixes' });
    const token = validToken('ES256', { prefixes: ['/t1/'], paths: undefined });
    const request = viewerRequest({ querystring: `x=1&access_token=${token}` });
    expectForwarded(custom, request);
    assert.equal(request.querystring, 'x=1');
    expectStatus(custom, queryRequest(token), '401');
    expectStatus(custom, viewerRequest({ querystring: `access_token=${validToken()}` }), '401');
  });
});

describe('responses', () => {
  it('are small, uncached, plain text, and carry the RFC 6750 challenge', () => {
    const missing = expectStatus(authorize, viewerRequest(), '401');
    assert.equal(missing.statusDescription, 'Unauthorized');
    assert.deepEqual(missing.headers['content-type'], [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }]);
    assert.deepEqual(missing.headers['www-authenticate'], [{ key: 'WWW-Authenticate', value: 'Bearer' }]);
    assert.equal(missing.body, 'Unauthorized\n');
    const forbidden = expectStatus(authorize, queryRequest(validToken(), { uri: '/t2/x' }), '403');
    assert.deepEqual(forbidden.headers['www-authenticate'], [{ key: 'WWW-Authenticate', value: 'Bearer error="insufficient_scope"' }]);
    const bad = expectStatus(authorize, queryRequest(validToken(), { uri: '/t1/../x' }), '400');
    assert.equal(bad.headers['www-authenticate'], undefined);
    assert.equal(bad.body, 'Bad Request\n');
  });
});
