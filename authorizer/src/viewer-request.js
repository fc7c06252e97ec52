'use strict';

// Reading a CloudFront viewer request (where the token is, whether the path
// is safe to match) and writing the responses that refuse one.

const SLASH = 0x2f;
const BAD_REQUEST = Object.freeze({ malformed: true });
const NO_TOKEN = Object.freeze({ malformed: false, token: null, queryWithoutToken: null });

// Finds the bearer token, given either as the query parameter `parameterName`
// or as "Authorization: Bearer <token>", never both: two credentials, a
// repeated parameter or repeated Authorization headers make the request
// ambiguous, so it is malformed. Returns { malformed: true } or
// { malformed: false, token: string | null, queryWithoutToken: string | null },
// queryWithoutToken being set when the token came from the query string.
function readCredentials(request, parameterName) {
  const headerValue = singleAuthorizationHeader(request.headers);
  const fromQuery = findQueryParameter(request.querystring, parameterName);
  if (headerValue === BAD_REQUEST || fromQuery === BAD_REQUEST) {
    return BAD_REQUEST;
  }
  if (fromQuery !== null) {
    if (headerValue !== null) {
      return BAD_REQUEST;
    }
    return { malformed: false, token: fromQuery.value, queryWithoutToken: fromQuery.remainingQuery };
  }
  if (headerValue === null) {
    return NO_TOKEN;
  }
  return { malformed: false, token: bearerToken(headerValue), queryWithoutToken: null };
}

function singleAuthorizationHeader(headers) {
  if (headers === null || typeof headers !== 'object' || !Object.hasOwn(headers, 'authorization')) {
    return null;
  }
  const entries = headers.authorization;
  if (!Array.isArray(entries) || entries.length === 0) {
    return null;
  }
  if (entries.length > 1 || entries[0] === null || typeof entries[0].value !== 'string') {
    return BAD_REQUEST;
  }
  return entries[0].value;
}

// Auth schemes are case-insensitive (RFC 9110 11.1), so "bearer" counts; any
// other scheme, such as Basic, carries no bearer token.
function bearerToken(headerValue) {
  const space = headerValue.indexOf(' ');
  const scheme = space === -1 ? headerValue : headerValue.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') {
    return null;
  }
  return space === -1 ? '' : headerValue.slice(space + 1).trim();
}

// Returns null when the parameter is absent, BAD_REQUEST when it appears more
// than once, else its raw value and the query string without it (and without
// one "&" beside it), every other byte kept in order. A percent-encoded
// spelling of the name counts too, so it can neither smuggle in a second token
// nor carry one on to the origin. Scans in place: it runs on every request.
function findQueryParameter(querystring, parameterName) {
  if (typeof querystring !== 'string' ||
      (!querystring.includes(parameterName) && !querystring.includes('%'))) {
    return null;
  }
  let found = -1;
  let foundEnd = -1;
  let valueStart = -1;
  for (let start = 0; start <= querystring.length;) {
    let end = querystring.indexOf('&', start);
    if (end === -1) {
      end = querystring.length;
    }
    const equals = querystring.indexOf('=', start);
    const nameEnd = equals !== -1 && equals < end ? equals : end;
    if (isNamed(querystring, start, nameEnd, parameterName)) {
      if (found !== -1) {
        return BAD_REQUEST;
      }
      found = start;
      foundEnd = end;
      valueStart = nameEnd === end ? end : nameEnd + 1;
    }
    start = end + 1;
  }
  if (found === -1) {
    return null;
  }
  const remainingQuery = foundEnd === querystring.length
    ? querystring.slice(0, Math.max(found - 1, 0))
    : querystring.slice(0, found) + querystring.slice(foundEnd + 1);
  return { value: querystring.slice(valueStart, foundEnd), remainingQuery };
}

function isNamed(querystring, start, end, parameterName) {
  if (end - start === parameterName.length && querystring.startsWith(parameterName, start)) {
    return true;
  }
  const percent = querystring.indexOf('%', start);
  if (percent === -1 || percent >= end) {
    return false;
  }
  try {
    return decodeURIComponent(querystring.slice(start, end)) === parameterName;
  } catch {
    return false;
  }
}

// S3 keys are exact, so the path is never decoded, case-folded or Unicode
// normalized before matching. Instead every path that some layer between the
// viewer and the bucket could read as a different key is refused:
// anything but printable ASCII (CloudFront passes the percent-encoded form),
const OUTSIDE_PRINTABLE_ASCII = /[^\x21-\x7e]/;
// backslashes, empty segments, malformed escapes, escapes of "/", "\", "%"
// (double encoding) and NUL,
const CONFUSABLE = /\\|\/\/|%(?![0-9A-Fa-f]{2})|%(?:00|2[Ff]|5[Cc]|25)/;
// "." and ".." segments, raw or percent-encoded,
const DOT_SEGMENT = /\/(?:\.|%2[Ee]){1,2}(?:\/|$)/;
// and escapes of bytes >= 0x80 that are not valid UTF-8 (%c0%ae is an overlong ".").
const NON_ASCII_ESCAPE = /%[89A-Fa-f]/;

function isSafeRequestPath(uri) {
  if (typeof uri !== 'string' || uri.charCodeAt(0) !== SLASH) {
    return false;
  }
  if (OUTSIDE_PRINTABLE_ASCII.test(uri) || CONFUSABLE.test(uri) || DOT_SEGMENT.test(uri)) {
    return false;
  }
  return !NON_ASCII_ESCAPE.test(uri) || decodesAsUtf8(uri);
}

function decodesAsUtf8(uri) {
  try {
    decodeURIComponent(uri);
    return true;
  } catch {
    return false;
  }
}

// A prefix grants a path that starts with it at a "/" boundary: "/t1/" and
// "/t1" both grant "/t1/x", and "/t1" does not grant "/t10/x".
function pathPrefixesGrant(pathPrefixes, uri) {
  for (let i = 0; i < pathPrefixes.length; i++) {
    const prefix = pathPrefixes[i];
    if (prefix.charCodeAt(0) === SLASH && uri.startsWith(prefix) &&
        (uri.length === prefix.length ||
         prefix.charCodeAt(prefix.length - 1) === SLASH ||
         uri.charCodeAt(prefix.length) === SLASH)) {
      return true;
    }
  }
  return false;
}

function badRequest() {
  return respond('400', 'Bad Request', null);
}

// RFC 6750 3.1: a request without credentials gets a bare challenge; a bad
// token gets error="invalid_token" and a fixed description (never the token).
function unauthorized(refusal) {
  return respond('401', 'Unauthorized', refusal === null
    ? 'Bearer'
    : `Bearer error="invalid_token", error_description="${refusal.description}"`);
}

function forbidden() {
  return respond('403', 'Forbidden', 'Bearer error="insufficient_scope"');
}

// Small and never cached; built fresh because CloudFront may mutate it.
function respond(status, statusDescription, challenge) {
  const headers = {
    'cache-control': [{ key: 'Cache-Control', value: 'no-store' }],
    'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
  };
  if (challenge !== null) {
    headers['www-authenticate'] = [{ key: 'WWW-Authenticate', value: challenge }];
  }
  return { status, statusDescription, headers, body: `${statusDescription}\n` };
}

module.exports = {
  readCredentials,
  isSafeRequestPath,
  pathPrefixesGrant,
  badRequest,
  unauthorized,
  forbidden,
};
