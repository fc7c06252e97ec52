'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startLocalEdge } = require('../src/local-edge');
const { writeZip } = require('../test-support/zip-writer');
const { startFakeAws } = require('../test-support/fake-aws');

const QUALIFIED_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:pfs-edge-acme-team-assets:3';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

// A viewer-request handler that, like the authorizer, reads config.json from
// beside itself, refuses requests without the grant and forwards the others
// without the query string, adding an Origin header.
const HANDLER = `
const config = require('./config.json');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/boom') throw new Error('boom');
  if (request.uri === '/slow') return new Promise(() => {});
  if (request.method !== 'OPTIONS' && !request.querystring.split('&').includes(config.grant)) {
    return { status: '401', statusDescription: 'Unauthorized',
      headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Bearer' }] }, body: 'Unauthorized\\n' };
  }
  request.querystring = '';
  request.headers.origin ??= [{ key: 'Origin', value: 'https://app.example.com' }];
  return request;
};`;

function bundle() {
  return writeZip([
    { name: 'config.json', data: JSON.stringify({ grant: 'authorization=good' }) },
    { name: 'index.js', data: HANDLER },
  ]);
}

async function withEdge(options, run) {
  const aws = await startFakeAws({
    qualifiedArn: QUALIFIED_ARN,
    bundle: bundle(),
    objects: { '/acme-team-assets/3f2a/pixel.png': { contentType: 'image/png', body: Buffer.from('PNGDATA') } },
    ...options,
  });
  const lines = [];
  const edge = await startLocalEdge({
    aws: aws.url, qualifiedArn: QUALIFIED_ARN, bucket: 'acme-team-assets', port: 0, credentials: CREDENTIALS,
    log: (line) => lines.push(line),
  });
  try {
    await run({ edge, aws, lines });
  } finally {
    edge.server.close();
    aws.close();
  }
}

test('runs the published bundle: refused without the grant, served from the bucket with it', () => withEdge({}, async ({ edge, aws, lines }) => {
  const refused = await fetch(`${edge.url}/3f2a/pixel.png`);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
  assert.equal(await refused.text(), 'Unauthorized\n');

  const served = await fetch(`${edge.url}/3f2a/pixel.png?authorization=good`);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.equal(served.headers.get('etag'), '"etag-1"');
  assert.match(served.headers.get('via'), /local-edge/);
  assert.equal(await served.text(), 'PNGDATA');

  const getFunction = aws.received.find((call) => call.url.startsWith('/2015-03-31/functions/'));
  assert.match(getFunction.headers.authorization, /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/lambda\/aws4_request, /);
  const download = aws.received.find((call) => call.url === '/code/bundle.zip');
  assert.equal(download.headers.authorization, undefined, 'Code.Location is presigned: no credentials');
  const origin = aws.received.find((call) => call.url === '/acme-team-assets/3f2a/pixel.png');
  assert.match(origin.headers.authorization, /\/us-east-1\/s3\/aws4_request, /);
  assert.equal(origin.headers.origin, 'https://app.example.com', 'the Origin the function added goes to S3');
  assert.ok(lines.every((line) => !line.includes('authorization=good')), 'the log never shows a query string');
}));

test('adds the CORS policy headers for viewers that send Origin, and answers preflights', () => withEdge({}, async ({ edge }) => {
  const cors = await fetch(`${edge.url}/3f2a/pixel.png?authorization=good`, { headers: { Origin: 'http://127.0.0.1:9000' } });
  assert.equal(cors.headers.get('access-control-allow-origin'), '*');

  const preflight = await fetch(`${edge.url}/3f2a/pixel.png`, {
    method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:9000', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(preflight.status, 200);
  assert.match(preflight.headers.get('access-control-allow-methods'), /GET/);
}));

test('refuses methods the distribution does not allow, before the function runs', () => withEdge({}, async ({ edge }) => {
  assert.equal((await fetch(`${edge.url}/3f2a/pixel.png?authorization=good`, { method: 'PUT', body: 'x' })).status, 403);
}));

test('a failing or slow function is a 503, as LambdaExecutionError', () => withEdge({}, async ({ edge, lines }) => {
  assert.equal((await fetch(`${edge.url}/boom`)).status, 503);
  assert.equal((await fetch(`${edge.url}/slow`)).status, 503);
  assert.ok(lines.some((line) => line.includes('timed out after 1000 ms')));
}));

test('refuses a bundle whose bytes are not the CodeSha256 Lambda reports', async () => {
  const aws = await startFakeAws({ qualifiedArn: QUALIFIED_ARN, bundle: bundle(), objects: {}, reportedSha256: 'AAAA' });
  try {
    await assert.rejects(
      startLocalEdge({ aws: aws.url, qualifiedArn: QUALIFIED_ARN, bucket: 'b', port: 0, credentials: CREDENTIALS }),
      /is not the CodeSha256 Lambda reports/,
    );
  } finally {
    aws.close();
  }
});

test('asks for a published version, never $LATEST or an unqualified function', async () => {
  await assert.rejects(
    startLocalEdge({ aws: 'http://127.0.0.1:1', qualifiedArn: QUALIFIED_ARN.replace(/:3$/, ''), bucket: 'b', credentials: CREDENTIALS }),
    /published version's ARN/,
  );
});
