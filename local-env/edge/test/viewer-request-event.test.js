'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const {
  viewerRequestEvent,
  isGeneratedResponse,
  generatedResponse,
  invalidForwardedRequest,
} = require('../src/viewer-request-event');

const DISTRIBUTION = { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE' };

test('builds a viewer-request event with the raw uri and query and CloudFront-form headers', () => {
  const event = viewerRequestEvent({
    method: 'GET',
    url: '/3f2a9c/report%20v2.pdf?authorization=a.b.c&x=%2F',
    rawHeaders: ['Host', '127.0.0.1:8787', 'Accept', 'image/*', 'X-Tag', 'one', 'x-tag', 'two'],
    clientIp: '127.0.0.1',
  }, DISTRIBUTION);

  const { config, request } = event.Records[0].cf;
  assert.equal(config.eventType, 'viewer-request');
  assert.equal(config.distributionDomainName, 'd111111abcdef8.cloudfront.net');
  assert.equal(typeof config.requestId, 'string');
  assert.deepEqual(request, {
    clientIp: '127.0.0.1',
    method: 'GET',
    uri: '/3f2a9c/report%20v2.pdf',
    querystring: 'authorization=a.b.c&x=%2F',
    headers: {
      host: [{ key: 'Host', value: '127.0.0.1:8787' }],
      accept: [{ key: 'Accept', value: 'image/*' }],
      'x-tag': [{ key: 'X-Tag', value: 'one' }, { key: 'x-tag', value: 'two' }],
    },
  });
});

test('a request without a query has an empty querystring', () => {
  const { request } = viewerRequestEvent({ method: 'GET', url: '/a/b', rawHeaders: [], clientIp: '::1' }, DISTRIBUTION).Records[0].cf;

  assert.equal(request.uri, '/a/b');
  assert.equal(request.querystring, '');
});

test('reads a generated response, text or base64', () => {
  const text = { status: '401', statusDescription: 'Unauthorized', headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Bearer' }] }, body: 'no\n' };
  const binary = { status: 200, body: Buffer.from([1, 2, 3]).toString('base64'), bodyEncoding: 'base64' };

  assert.equal(isGeneratedResponse(text), true);
  assert.deepEqual(generatedResponse(text), {
    status: 401, statusDescription: 'Unauthorized', headers: [['WWW-Authenticate', 'Bearer']], body: Buffer.from('no\n'),
  });
  assert.deepEqual(generatedResponse(binary).body, Buffer.from([1, 2, 3]));
});

test('refuses generated responses CloudFront would refuse', () => {
  assert.match(generatedResponse({ status: 'oops' }).invalid, /not an HTTP status/);
  assert.match(generatedResponse({ status: 200, headers: { a: 'b' } }).invalid, /CloudFront form/);
  assert.match(generatedResponse({ status: 200, body: 'x'.repeat(40 * 1024 + 1) }).invalid, /exceeds/);
});

test('a forwarded request may change headers but not the read-only ones', () => {
  const original = { uri: '/a', headers: { host: [{ key: 'Host', value: 'h' }] } };

  assert.equal(isGeneratedResponse(original), false);
  assert.equal(invalidForwardedRequest(original, { uri: '/a', headers: { host: [{ key: 'Host', value: 'h' }], origin: [{ key: 'Origin', value: 'https://app' }] } }), null);
  assert.match(invalidForwardedRequest(original, { uri: '/a', headers: { host: [{ key: 'Host', value: 'other' }] } }), /read-only header host/);
  assert.match(invalidForwardedRequest(original, { uri: 'a', headers: {} }), /no uri/);
  assert.match(invalidForwardedRequest(original, undefined), /no uri/);
});
