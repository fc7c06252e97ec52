'use strict';

// The distribution's origin: GetObject on the bucket, path-style, signed the
// way CloudFront signs with the origin's access identity. Only what the
// distribution's origin request policy, CORS-S3Origin, forwards goes along
// (Origin and the Access-Control-Request-* headers; no query string, no
// cookies), plus Range.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html#managed-origin-request-policy-cors-s3

const http = require('http');
const https = require('https');
const { signedHeaders } = require('./sigv4');

const FORWARDED_HEADERS = ['origin', 'access-control-request-headers', 'access-control-request-method', 'range'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function createS3Origin({ endpoint, bucket, region, credentials }) {
  // Resolves to { status, headers: [[name, value], ...], body: Readable }.
  return function fetchFromOrigin(method, request) {
    const url = new URL(`/${bucket}${request.uri}`, endpoint);
    const forwarded = {};
    for (const name of FORWARDED_HEADERS) {
      const entries = request.headers?.[name];
      if (Array.isArray(entries) && entries.length > 0) {
        forwarded[name] = entries[0].value;
      }
    }
    const headers = signedHeaders({ method, url, headers: forwarded, service: 's3', region, credentials });
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const call = client.request(url, { method, headers }, (response) => {
        const responseHeaders = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(response.rawHeaders[i].toLowerCase())) {
            responseHeaders.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
          }
        }
        resolve({ status: response.statusCode, headers: responseHeaders, body: response });
      });
      call.on('error', reject);
      call.end();
    });
  };
}

module.exports = { createS3Origin };
