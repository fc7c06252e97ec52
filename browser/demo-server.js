#!/usr/bin/env node
'use strict';

// Serves the demo page and the service worker from this folder, on an origin of
// their own (a service worker only controls pages of its origin). Only the
// files listed here are served.

const fs = require('fs');
const http = require('http');
const path = require('path');
const { parseArgs } = require('util');

const FILES = {
  '/service-worker.js': 'service-worker.js',
  '/token-store.js': 'token-store.js',
  '/demo/': 'demo/index.html',
  '/demo/index.html': 'demo/index.html',
  '/demo/demo.js': 'demo/demo.js',
};
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8' };

async function startDemoServer({ host = '127.0.0.1', port = 0 } = {}) {
  const server = http.createServer((req, res) => {
    const file = FILES[new URL(req.url, 'http://demo').pathname];
    if (req.method !== 'GET' || file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)], 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(path.join(__dirname, file)));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, url: `http://${host}:${server.address().port}` };
}

// The demo page's address for files served at `filesUrl`, with the form prefilled.
function demoPageUrl(serverUrl, filesUrl, { prefix, keys = [] } = {}) {
  const page = new URL('/demo/', serverUrl);
  page.searchParams.set('files', filesUrl);
  if (prefix) {
    page.searchParams.set('prefix', prefix);
  }
  keys.forEach((key) => page.searchParams.append('key', key));
  return page.href;
}

module.exports = { startDemoServer, demoPageUrl };

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8788' },
      files: { type: 'string' },
      prefix: { type: 'string' },
      key: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.files) {
    console.error('usage: node browser/demo-server.js --files FILES_URL [--prefix /3f2a9c/] [--key 3f2a9c/a.png ...] [--port 8788]');
    process.exit(2);
  }
  startDemoServer({ host: values.host, port: Number(values.port) }).then(({ url }) => {
    console.log(`demo page on ${demoPageUrl(url, values.files, { prefix: values.prefix, keys: values.key })}`);
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => process.exit(0));
  }
}
