'use strict';

const { readSettings } = require('./settings');
const { createCompactJwsVerifier } = require('./jws');
const { parseJsonObjectStrict } = require('./strict-json');
const { createClaimsChecker } = require('./claims');
const { refusal } = require('./refusals');
const {
  readCredentials,
  isSafeRequestPath,
  pathPrefixesGrant,
  badRequest,
  unauthorized,
  forbidden,
} = require('./viewer-request');

function secondsSinceEpoch() {
  return Date.now() / 1000;
}

// Builds the viewer-request decision from a parsed config.json. Returns
// authorize(request): the same request object, amended, when it may go on to
// the origin, else a generated 400, 401 or 403 response. `now` is injectable
// so tests can pin the clock.
function createAuthorizer(config, { now = secondsSinceEpoch } = {}) {
  const settings = readSettings(config);
  const verifyToken = createTokenVerifier(settings);
  const { queryParameter, defaultOrigin } = settings;

  return function authorize(request) {
    // CORS preflights carry no credentials; S3 answers them from its CORS rules.
    if (request.method === 'OPTIONS') {
      return request;
    }
    const credentials = readCredentials(request, queryParameter);
    if (credentials.malformed || !isSafeRequestPath(request.uri)) {
      return badRequest();
    }
    if (credentials.token === null) {
      return unauthorized(null);
    }
    const verdict = verifyToken(credentials.token, now());
    if (!verdict.ok) {
      return unauthorized(verdict);
    }
    if (!pathPrefixesGrant(verdict.pathPrefixes, request.uri)) {
      return forbidden();
    }
    return forwardToOrigin(request, credentials.queryWithoutToken, defaultOrigin);
  };
}

// Verifies a JWT, signature first and then its claims, at time `now` (seconds
// since the epoch). Returns { ok: true, pathPrefixes } or a refusal.
function createTokenVerifier(settings) {
  const verifyCompactJws = createCompactJwsVerifier(settings.keyring);
  const checkClaims = createClaimsChecker(settings);
  return function verifyToken(token, now) {
    const jws = verifyCompactJws(token);
    if (!jws.ok) {
      return jws;
    }
    const claims = jws.payloadText === null ? null : parseJsonObjectStrict(jws.payloadText);
    return claims === null ? refusal.invalidClaims : checkClaims(claims, now);
  };
}

// The token must not travel on to the origin (S3 logs it, and rejects an
// Authorization scheme it does not know). S3 applies its CORS rules only when
// it sees an Origin header, which a plain <img> request does not send.
function forwardToOrigin(request, queryWithoutToken, defaultOrigin) {
  if (queryWithoutToken !== null) {
    request.querystring = queryWithoutToken;
  }
  const headers = request.headers ?? (request.headers = {});
  if (Object.hasOwn(headers, 'authorization')) {
    delete headers.authorization;
  }
  if (defaultOrigin !== null && !Object.hasOwn(headers, 'origin')) {
    headers.origin = [{ key: 'Origin', value: defaultOrigin }];
  }
  return request;
}

module.exports = { createAuthorizer, createTokenVerifier };
