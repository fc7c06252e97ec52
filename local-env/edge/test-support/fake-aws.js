'use strict';

// A stand-in for the two AWS APIs the local edge calls, for its own tests:
// Lambda's GetFunction (with a Code.Location on this server) and S3 GetObject,
// path-style. It records what it was sent.

const crypto = require('crypto');
const http = require('http');

async function startFakeAws({ qualifiedArn, bundle, objects, reportedSha256 }) {
  const received = [];
  const server = http.createServer((req, res) => {
    received.push({ method: req.method, url: req.url, headers: req.headers });
    const functionPath = `/2015-03-31/functions/${encodeURIComponent(qualifiedArn)}`;
    if (req.method === 'GET' && req.url === functionPath) {
      return json(res, {
        Configuration: {
          FunctionArn: qualifiedArn,
          Version: qualifiedArn.split(':')[7],
          Handler: 'index.handler',
          Timeout: 1,
          CodeSha256: reportedSha256 ?? crypto.createHash('sha256').update(bundle).digest('base64'),
        },
        Code: { RepositoryType: 'S3', Location: `http://127.0.0.1:${server.address().port}/code/bundle.zip` },
      });
    }
    if (req.method === 'GET' && req.url === '/code/bundle.zip') {
      res.writeHead(200, { 'Content-Type': 'application/zip' });
      return res.end(bundle);
    }
    const object = objects[req.url];
    if (object !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': object.contentType, ETag: '"etag-1"', 'Content-Length': object.body.length });
      return res.end(req.method === 'HEAD' ? undefined : object.body);
    }
    res.writeHead(404, { 'Content-Type': 'application/xml' });
    return res.end('<Error><Code>NoSuchKey</Code></Error>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, received, close: () => server.close() };
}

function json(res, value) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

module.exports = { startFakeAws };
