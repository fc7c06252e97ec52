'use strict';

// Turns an HTTP request into the event CloudFront gives a viewer-request
// function, and reads back what the function returned.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html

const crypto = require('crypto');

// Headers a viewer-request function may read but not change
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html#read-only-headers-viewer-request-events).
const READ_ONLY_HEADERS = ['content-length', 'host', 'transfer-encoding', 'via'];
// CloudFront refuses a generated viewer-request response whose body is larger
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge).
const MAX_GENERATED_BODY_BYTES = 40 * 1024;

// `url` is the request target as the viewer sent it: the uri and querystring
// stay raw (percent-encoded, undecoded), as CloudFront passes them.
function viewerRequestEvent({ method, url, rawHeaders, clientIp }, { distributionDomainName, distributionId }) {
  const question = url.indexOf('?');
  return {
    Records: [{
      cf: {
        config: {
          distributionDomainName,
          distributionId,
          eventType: 'viewer-request',
          requestId: crypto.randomBytes(42).toString('base64url'),
        },
        request: {
          clientIp,
          headers: cloudFrontHeaders(rawHeaders),
          method,
          querystring: question === -1 ? '' : url.slice(question + 1),
          uri: question === -1 ? url : url.slice(0, question),
        },
      },
    }],
  };
}

// Node's rawHeaders is [name, value, name, value, ...] in the order received;
// CloudFront keys headers by lower-case name, keeps each name's spelling, and
// keeps repeated headers as separate entries.
function cloudFrontHeaders(rawHeaders) {
  const headers = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const key = rawHeaders[i];
    (headers[key.toLowerCase()] ??= []).push({ key, value: rawHeaders[i + 1] });
  }
  return headers;
}

function isGeneratedResponse(result) {
  return result !== null && typeof result === 'object' && Object.hasOwn(result, 'status');
}

// The HTTP response for a response the function generated, or a reason why
// CloudFront would refuse it (it answers 502 then).
function generatedResponse(result) {
  const status = Number(result.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return { invalid: `status ${JSON.stringify(result.status)} is not an HTTP status code` };
  }
  const headers = headerList(result.headers);
  if (headers === null) {
    return { invalid: 'headers are not in CloudFront form ({ name: [{ key, value }] })' };
  }
  const body = result.body === undefined || result.body === null
    ? Buffer.alloc(0)
    : Buffer.from(String(result.body), result.bodyEncoding === 'base64' ? 'base64' : 'utf8');
  if (body.length > MAX_GENERATED_BODY_BYTES) {
    return { invalid: `generated body of ${body.length} bytes exceeds ${MAX_GENERATED_BODY_BYTES}` };
  }
  return { status, statusDescription: result.statusDescription, headers, body };
}

// A reason why CloudFront would refuse the request the function returned, or null.
function invalidForwardedRequest(original, returned) {
  if (returned === null || typeof returned !== 'object' || typeof returned.uri !== 'string' || !returned.uri.startsWith('/')) {
    return 'the returned request has no uri starting with /';
  }
  if (headerList(returned.headers) === null) {
    return 'the returned request\'s headers are not in CloudFront form';
  }
  for (const name of READ_ONLY_HEADERS) {
    if (JSON.stringify(values(original.headers, name)) !== JSON.stringify(values(returned.headers, name))) {
      return `the function changed the read-only header ${name}`;
    }
  }
  return null;
}

// [[name, value], ...] from CloudFront's header object, or null if malformed.
function headerList(headers) {
  if (headers === undefined || headers === null) {
    return [];
  }
  if (typeof headers !== 'object') {
    return null;
  }
  const list = [];
  for (const [name, entries] of Object.entries(headers)) {
    if (!Array.isArray(entries)) {
      return null;
    }
    for (const entry of entries) {
      if (entry === null || typeof entry !== 'object' || typeof entry.value !== 'string') {
        return null;
      }
      list.push([typeof entry.key === 'string' ? entry.key : name, entry.value]);
    }
  }
  return list;
}

function values(headers, name) {
  return (headers?.[name] ?? []).map((entry) => entry.value);
}

module.exports = {
  viewerRequestEvent,
  isGeneratedResponse,
  generatedResponse,
  invalidForwardedRequest,
};
