'use strict';

const http = require('http');
const { loadPublishedHandler } = require('./published-bundle');
const { createS3Origin } = require('./s3-origin');
const { createEdge } = require('./edge');

// Starts the local edge; resolves to { server, url, published } once it listens.
async function startLocalEdge({
  aws,
  qualifiedArn,
  bucket,
  bucketRegion = 'us-east-1',
  host = '127.0.0.1',
  port = 8787,
  credentials,
  distributionDomainName = 'local-edge.invalid',
  distributionId = 'LOCALEDGE',
  log = () => {},
}) {
  const endpoint = new URL(aws);
  const published = await loadPublishedHandler({ endpoint, qualifiedArn, credentials });
  const handle = createEdge({
    published,
    fetchFromOrigin: createS3Origin({ endpoint, bucket, region: bucketRegion, credentials }),
    distributionDomainName,
    distributionId,
    log,
  });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`${req.method} failed: ${error.message}`);
      res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, url: `http://${host}:${server.address().port}`, published };
}

module.exports = { startLocalEdge };
