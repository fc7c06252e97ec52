'use strict';

// The service worker in a real browser: Debian's Chromium, driven by
// playwright-core, opens the demo page, which registers the worker; <img> tags
// for the store's files then load through the local edge running the bundle
// the operator published, with the token the page keeps, and fail without it.
//
// It needs a store the operator has set up, described by environment variables
// (LocalEdgeIT sets them when it runs this test; local-env/demo-flow.sh writes
// them to $run/demo.env):
//   PFS_AWS_ENDPOINT    the AWS endpoint (the emulator)
//   PFS_EDGE_FUNCTION   the published authorizer version (status.authorizer.qualifiedArn)
//   PFS_BUCKET          the store's bucket (status.bucket.name), PFS_BUCKET_REGION its region
//   PFS_FILE_KEY        the key of a PNG in the bucket, such as 3f2a9c/pixel.png
//   PFS_TOKEN           a token granting the key's first path segment, such as /3f2a9c/
// The browser is /usr/bin/chromium (PFS_CHROMIUM to change; local-env/install-browser.sh installs it).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { startLocalEdge } = require('../../local-env/edge/src/local-edge');
const { startDemoServer, demoPageUrl } = require('../demo-server');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const REQUIRED = ['PFS_AWS_ENDPOINT', 'PFS_EDGE_FUNCTION', 'PFS_BUCKET', 'PFS_FILE_KEY', 'PFS_TOKEN'];
const TIMEOUT = { timeout: 60_000 };

const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(`the browser test needs a store set up by the operator; missing ${missing.join(', ')}. `
    + 'Run it through LocalEdgeIT (mvn -pl operator verify -Dit.test=LocalEdgeIT), '
    + 'or after local-env/up.sh with: source <run dir>/demo.env && npm test');
}

const fileKey = process.env.PFS_FILE_KEY;
const prefix = `/${fileKey.split('/')[0]}/`;
let edge;
let edgeLog;
let demo;
let elsewhere;
let userDataDir;
let context;
let page;

test.before(async () => {
  edgeLog = [];
  edge = await startLocalEdge({
    aws: process.env.PFS_AWS_ENDPOINT,
    qualifiedArn: process.env.PFS_EDGE_FUNCTION,
    bucket: process.env.PFS_BUCKET,
    bucketRegion: process.env.PFS_BUCKET_REGION ?? 'us-east-1',
    port: 0,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    },
    log: (line) => edgeLog.push(line),
  });
  demo = await startDemoServer();
  elsewhere = await startRecordingServer();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pfs-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.PFS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = await context.newPage();
  await page.goto(demoPageUrl(demo.url, `${edge.url}/`, { prefix, keys: [fileKey] }));
  await page.evaluate(() => window.demo.ready);
});

test.after(async () => {
  await context?.close();
  if (userDataDir) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  edge?.server.close();
  demo?.server.close();
  elsewhere?.server.close();
});

test('an <img> of the store renders through the local edge with the token the page keeps', TIMEOUT, async () => {
  await page.evaluate(([p, token]) => window.demo.saveToken(p, token), [prefix, process.env.PFS_TOKEN]);

  const [image] = await page.evaluate((key) => window.demo.showImages([key]), fileKey);

  assert.equal(image.loaded, true, `${image.url} did not load; the edge said: ${edgeLog.join(' | ')}`);
  assert.ok(image.naturalWidth > 0);
  assert.ok(edgeLog.some((line) => line.startsWith(`GET /${fileKey} -> 200`)));
});

test('with the token removed from the page\'s storage the image fails', TIMEOUT, async () => {
  await page.evaluate((p) => window.demo.forgetToken(p), prefix);

  const [image] = await page.evaluate((key) => window.demo.showImages([key]), fileKey);

  assert.equal(image.loaded, false);
  assert.equal(image.naturalWidth, 0);
  assert.ok(edgeLog.some((line) => line.startsWith(`GET /${fileKey} -> 401`)));
});

test('the account-wide token is used when the prefix has none, as in the seed', TIMEOUT, async () => {
  await page.evaluate((token) => window.demo.saveAccountToken(token), process.env.PFS_TOKEN);

  const [image] = await page.evaluate((key) => window.demo.showImages([key]), fileKey);

  await page.evaluate(() => window.demo.forgetAccountToken());
  assert.equal(image.loaded, true);
});

test('the token goes to no other origin and on no other method than GET', TIMEOUT, async () => {
  await page.evaluate(([p, token]) => window.demo.saveToken(p, token), [prefix, process.env.PFS_TOKEN]);
  const before = edgeLog.length;

  await page.evaluate(async ([other, edgeUrl, key]) => {
    await new Promise((resolve) => {
      const image = new Image();
      image.onload = image.onerror = resolve;
      image.src = `${other}/${key}`;
    });
    await fetch(`${edgeUrl}/${key}`, { method: 'HEAD', mode: 'no-cors' });
  }, [elsewhere.url, edge.url, fileKey]);

  assert.equal(elsewhere.requests.length, 1);
  assert.doesNotMatch(elsewhere.requests[0], /authorization/i);
  assert.ok(edgeLog.slice(before).some((line) => line.startsWith(`HEAD /${fileKey} -> 401`)),
    `a HEAD must go out without the token; the edge said: ${edgeLog.slice(before).join(' | ')}`);
});

// Another origin with the same paths, recording what it is asked for.
async function startRecordingServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    res.writeHead(404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, requests, url: `http://127.0.0.1:${server.address().port}` };
}
