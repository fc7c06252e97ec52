#!/usr/bin/env node
'use strict';

// The local edge: a development and test tool that stands in for CloudFront,
// which cannot run on a workstation. It runs the authorizer bundle the operator
// published, fetched through the Lambda API, in front of the store's bucket.
// See README.md for what it does and does not reproduce.

const { parseArgs } = require('util');
const { startLocalEdge } = require('./src/local-edge');

const USAGE = `usage: node local-env/edge/server.js --function QUALIFIED_ARN --bucket NAME
         [--aws ${'$'}AWS_ENDPOINT_URL] [--bucket-region us-east-1] [--host 127.0.0.1] [--port 8787]
  A development tool, not CloudFront: serves the bucket through the published
  viewer-request function. AWS credentials come from AWS_ACCESS_KEY_ID and
  AWS_SECRET_ACCESS_KEY (any value works against the emulator).`;

async function main() {
  let options;
  try {
    options = parseArgs({
      options: {
        aws: { type: 'string', default: process.env.AWS_ENDPOINT_URL },
        function: { type: 'string' },
        bucket: { type: 'string' },
        'bucket-region': { type: 'string', default: process.env.AWS_REGION ?? 'us-east-1' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return usage(error.message);
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  for (const required of ['aws', 'function', 'bucket']) {
    if (!options[required]) {
      return usage(`--${required} is required`);
    }
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return usage(`--port must be a port number, was ${options.port}`);
  }
  const { url, published } = await startLocalEdge({
    aws: options.aws,
    qualifiedArn: options.function,
    bucket: options.bucket,
    bucketRegion: options['bucket-region'],
    host: options.host,
    port,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      sessionToken: process.env.AWS_SESSION_TOKEN,
    },
    log: (line) => console.log(`local-edge: ${line}`),
  });
  console.log(`local-edge: running ${published.functionArn} (CodeSha256 ${published.codeSha256}) in front of bucket ${options.bucket}`);
  console.log(`local-edge listening on ${url} (development tool, not CloudFront)`);
  return null;
}

function usage(message) {
  console.error(`local-edge: ${message}`);
  console.error(USAGE);
  return 2;
}

main().then(
  (exitCode) => {
    if (exitCode !== null) {
      process.exitCode = exitCode;
    }
  },
  (error) => {
    console.error(`local-edge: ${error.message}`);
    process.exitCode = 1;
  },
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => process.exit(0));
}
