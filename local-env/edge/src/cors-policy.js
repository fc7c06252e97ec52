'use strict';

// What the distribution's response headers policy, the managed
// CORS-With-Preflight, adds for requests that carry an Origin header: CloudFront
// answers preflights itself and adds the CORS headers to other responses
// without overriding those the origin sent (origin override off).
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html#managed-response-headers-policies-cors-preflight

const ALLOW_ORIGIN = ['Access-Control-Allow-Origin', '*'];
const ALLOW_METHODS = ['Access-Control-Allow-Methods', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'];
const ALLOW_HEADERS = ['Access-Control-Allow-Headers', '*'];
const EXPOSE_HEADERS = ['Access-Control-Expose-Headers', '*'];

function isPreflight(method, headers) {
  return method === 'OPTIONS' && hasHeader(headers, 'origin') && hasHeader(headers, 'access-control-request-method');
}

function preflightHeaders() {
  return [ALLOW_ORIGIN, ALLOW_METHODS, ALLOW_HEADERS];
}

// `responseHeaders`: [[name, value], ...] as the origin sent them.
function withCorsHeaders(responseHeaders, requestHeaders) {
  if (!hasHeader(requestHeaders, 'origin')) {
    return responseHeaders;
  }
  const present = new Set(responseHeaders.map(([name]) => name.toLowerCase()));
  const added = [ALLOW_ORIGIN, EXPOSE_HEADERS].filter(([name]) => !present.has(name.toLowerCase()));
  return [...responseHeaders, ...added];
}

// CloudFront-form headers ({ name: [{ key, value }] }).
function hasHeader(headers, name) {
  return Array.isArray(headers?.[name]) && headers[name].length > 0;
}

module.exports = { isPreflight, preflightHeaders, withCorsHeaders };
