'use strict';

const assert = require('node:assert/strict');
const path = require('path');
const { createAuthorizer } = require('../src/authorizer');
const { generateSigningKeys } = require('./keys');
const { signToken } = require('./tokens');
const { SOURCE_DIR, EDGE_DIR, stageBundle, removeStaged } = require('./staging');

const NOW = 1_750_000_000;
const ISSUER = 'https://auth.example.com';
const AUDIENCE = 'team-assets';
const ORIGIN = 'https://app.example.com';

let sharedKeys = null;

// RSA key generation is slow, so one set of keys serves a whole test file.
function testKeys() {
  if (sharedKeys === null) {
    sharedKeys = generateSigningKeys();
  }
  return sharedKeys;
}

function baseConfig(keys = testKeys(), overrides = {}) {
  return {
    keys: { keys: Object.values(keys).map((key) => key.jwk) },
    issuer: ISSUER,
    audience: AUDIENCE,
    queryParameter: 'authorization',
    pathClaim: 'paths',
    clockSkewSeconds: 30,
    maxTokenAgeSeconds: null,
    defaultOrigin: ORIGIN,
    ...overrides,
  };
}

// The two forms of the authorizer that the behavioural tests run against:
// the modules of src/, and edge/index.js, the single built file that ships.
// Each makes authorize(request) from a parsed config.json at a pinned clock
// (and throws as loading would); authorize returns the result or a promise of
// it, so callers await it. `directory` holds what ships beside config.json.
const TARGETS = [
  {
    name: 'src',
    directory: SOURCE_DIR,
    load(config, { now = NOW } = {}) {
      return createAuthorizer(config, { now: () => now });
    },
  },
  {
    name: 'edge/index.js',
    directory: EDGE_DIR,
    load(config, { now = NOW } = {}) {
      const handler = loadEdgeHandler(JSON.stringify(config));
      return (request) => atTime(now, () => handler(viewerRequestEvent(request)));
    },
  },
].map((target) => ({
  ...target,
  authorizerFor: (overrides = {}, { now = NOW, keys = testKeys() } = {}) =>
    target.load(baseConfig(keys, overrides), { now }),
}));

// Loads edge/index.js beside a config.json as Lambda@Edge does. Once loaded it
// needs neither file, and a fresh copy per config keeps every instance apart.
function loadEdgeHandler(configText) {
  const directory = stageBundle(configText, EDGE_DIR);
  const file = path.join(directory, 'index.js');
  try {
    return require(file).handler;
  } finally {
    delete require.cache[file];
    removeStaged(directory);
  }
}

function viewerRequestEvent(request) {
  return { Records: [{ cf: { config: { eventType: 'viewer-request' }, request } }] };
}

// The handler reads the clock (Date.now) synchronously when called, so
// pinning it around the call is enough, though the result is a promise.
function atTime(seconds, call) {
  const realNow = Date.now;
  Date.now = () => seconds * 1000;
  try {
    return call();
  } finally {
    Date.now = realNow;
  }
}

function validClaims(overrides = {}) {
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    iat: NOW - 60,
    exp: NOW + 3600,
    paths: ['/t1/'],
    ...overrides,
  };
}

function validToken(alg = 'ES256', claimOverrides = {}, headerOverrides = {}) {
  return signToken(testKeys()[alg], validClaims(claimOverrides), headerOverrides);
}

function viewerRequest({ uri = '/t1/file.png', querystring = '', headers = {}, method = 'GET' } = {}) {
  return { clientIp: '203.0.113.9', method, uri, querystring, headers };
}

function queryRequest(token, { uri = '/t1/file.png', extraQuery = '' } = {}) {
  const querystring = `authorization=${token}${extraQuery === '' ? '' : `&${extraQuery}`}`;
  return viewerRequest({ uri, querystring });
}

function bearerRequest(value, { uri = '/t1/file.png' } = {}) {
  return viewerRequest({ uri, headers: { authorization: [{ key: 'Authorization', value }] } });
}

// A refused request must come back as a generated response: the request
// object itself (which would go on to the origin) must never be returned, and
// the response must not echo whatever credential the request carried.
function assertRefused(request, result, status) {
  assert.notEqual(result, request, 'the request went on to the origin');
  assert.equal(result.uri, undefined, 'a refusal must not look like a request');
  assert.equal(result.status, status);
  assert.deepEqual(result.headers['cache-control'], [{ key: 'Cache-Control', value: 'no-store' }]);
  if (status === '401') {
    assert.match(challengeOf(result), /^Bearer/);
  }
  const serialized = JSON.stringify(result);
  for (const credential of credentialsIn(request)) {
    assert.ok(!serialized.includes(credential), 'the response echoes the credential');
  }
}

function credentialsIn(request) {
  const values = (request.querystring ?? '').split('&').map((part) => part.slice(part.indexOf('=') + 1));
  for (const entry of request.headers?.authorization ?? []) {
    values.push(entry.value);
  }
  return values.filter((value) => typeof value === 'string' && value.length >= 12);
}

function challengeOf(result) {
  return result.headers['www-authenticate']?.[0]?.value;
}

function assertForwarded(request, result) {
  assert.equal(result, request, `refused with ${result.status}: ${challengeOf(result)}`);
}

// Runs one request through an authorizer and checks it was refused with `status`.
async function expectStatus(authorize, request, status) {
  const result = await authorize(request);
  assertRefused(request, result, status);
  return result;
}

// As expectStatus for a 401 whose error_description is `description`.
async function expectInvalidToken(authorize, request, description) {
  const result = await expectStatus(authorize, request, '401');
  assert.equal(challengeOf(result), `Bearer error="invalid_token", error_description="${description}"`);
  return result;
}

async function expectForwarded(authorize, request) {
  const result = await authorize(request);
  assertForwarded(request, result);
  return result;
}

module.exports = {
  NOW,
  ISSUER,
  AUDIENCE,
  ORIGIN,
  TARGETS,
  testKeys,
  baseConfig,
  viewerRequestEvent,
  validClaims,
  validToken,
  viewerRequest,
  queryRequest,
  bearerRequest,
  assertRefused,
  assertForwarded,
  challengeOf,
  expectStatus,
  expectInvalidToken,
  expectForwarded,
};
