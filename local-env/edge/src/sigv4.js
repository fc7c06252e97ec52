'use strict';

// AWS Signature Version 4 for the two kinds of call the local edge makes:
// Lambda's GetFunction and S3's GetObject, both with an empty body.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html

const crypto = require('crypto');

const ALGORITHM = 'AWS4-HMAC-SHA256';
const EMPTY_BODY_SHA256 = sha256Hex('');

// Returns the headers to send: `headers` (lower-case names) plus x-amz-date,
// x-amz-security-token for temporary credentials, x-amz-content-sha256 for S3,
// and authorization. `url` is a URL whose pathname is already percent-encoded
// the way it is sent.
function signedHeaders({ method, url, headers = {}, service, region, credentials, now = new Date() }) {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const all = { ...headers, host: url.host, 'x-amz-date': amzDate };
  if (credentials.sessionToken) {
    all['x-amz-security-token'] = credentials.sessionToken;
  }
  if (service === 's3') {
    all['x-amz-content-sha256'] = EMPTY_BODY_SHA256;
  }
  const authorization = authorizationHeader({
    method, url, headers: all, payloadHash: EMPTY_BODY_SHA256, service, region, credentials, amzDate,
  });
  return { ...all, authorization };
}

function authorizationHeader({ method, url, headers, payloadHash, service, region, credentials, amzDate }) {
  const names = Object.keys(headers).map((name) => name.toLowerCase()).sort();
  const byName = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const canonicalHeaders = names.map((name) => `${name}:${String(byName[name]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedNames = names.join(';');
  const canonicalRequest = [
    method,
    canonicalPath(url.pathname, service),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedNames,
    payloadHash,
  ].join('\n');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = hmac(signingKey(credentials.secretAccessKey, date, region, service), stringToSign).toString('hex');
  return `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedNames}, Signature=${signature}`;
}

// S3 signs the path as sent; every other service encodes each segment once
// more ("each path segment must be URI-encoded twice, except for Amazon S3").
function canonicalPath(pathname, service) {
  if (service === 's3') {
    return pathname;
  }
  return pathname.split('/').map(encodeRfc3986).join('/');
}

function canonicalQuery(searchParams) {
  return [...searchParams]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

// Everything but the unreserved characters A-Z a-z 0-9 - _ . ~ is escaped.
function encodeRfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function signingKey(secretAccessKey, date, region, service) {
  const dateKey = hmac(`AWS4${secretAccessKey}`, date);
  return hmac(hmac(hmac(dateKey, region), service), 'aws4_request');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

module.exports = { signedHeaders, authorizationHeader, encodeRfc3986 };
