'use strict';

// Fetches the exact bundle a Lambda function version runs, through the Lambda
// API as CloudFront's replication would: GetFunction on the qualified ARN,
// then a download of its Code.Location (a presigned URL: no credentials). The
// zip is checked against the CodeSha256 Lambda reports, unpacked into a
// private temporary folder and its handler loaded with require, so that
// config.json beside index.js is read exactly as on Lambda@Edge.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { signedHeaders } = require('./sigv4');
const { readZip } = require('./zip-reader');

const LAMBDA_API_VERSION = '2015-03-31';
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):\d{12}:function:[A-Za-z0-9_-]+:(\d+)$/;

// Returns { handler, functionArn, version, codeSha256, timeoutSeconds, directory }.
async function loadPublishedHandler({ endpoint, qualifiedArn, credentials }) {
  const match = FUNCTION_ARN.exec(qualifiedArn);
  if (match === null) {
    throw new Error(`--function must be a published version's ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME:VERSION), was ${qualifiedArn}`);
  }
  const [, region, version] = match;
  const described = await getFunction({ endpoint, qualifiedArn, region, credentials });
  const zip = await download(described.Code.Location);
  const codeSha256 = crypto.createHash('sha256').update(zip).digest('base64');
  if (codeSha256 !== described.Configuration.CodeSha256) {
    throw new Error(`the downloaded bundle's SHA-256 ${codeSha256} is not the CodeSha256 Lambda reports, ${described.Configuration.CodeSha256}`);
  }
  const directory = unpack(zip);
  return {
    handler: loadHandler(directory, described.Configuration.Handler),
    functionArn: described.Configuration.FunctionArn,
    version: described.Configuration.Version ?? version,
    codeSha256,
    timeoutSeconds: described.Configuration.Timeout ?? 5,
    directory,
  };
}

async function getFunction({ endpoint, qualifiedArn, region, credentials }) {
  const url = new URL(`/${LAMBDA_API_VERSION}/functions/${encodeURIComponent(qualifiedArn)}`, endpoint);
  // fetch sets Host from the URL itself (and refuses to be given one); it was signed as that.
  const { host, ...headers } = signedHeaders({ method: 'GET', url, service: 'lambda', region, credentials });
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`GetFunction ${qualifiedArn} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  const described = JSON.parse(text);
  if (typeof described?.Code?.Location !== 'string' || typeof described?.Configuration?.Handler !== 'string') {
    throw new Error(`GetFunction ${qualifiedArn} did not describe a zip-packaged function`);
  }
  return described;
}

async function download(location) {
  const response = await fetch(location);
  if (!response.ok) {
    throw new Error(`downloading the bundle from Code.Location answered ${response.status}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

function unpack(zip) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-edge-'));
  process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));
  for (const { name, data } of readZip(zip)) {
    const target = path.resolve(directory, name);
    if (name.includes('\\') || path.isAbsolute(name) || !target.startsWith(directory + path.sep)) {
      throw new Error(`the bundle holds an entry outside its folder: ${JSON.stringify(name)}`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data, { mode: 0o600 });
  }
  return directory;
}

// "index.handler": the export "handler" of the module "index" (index.js).
function loadHandler(directory, handlerSetting) {
  const dot = handlerSetting.lastIndexOf('.');
  if (dot <= 0) {
    throw new Error(`the function's Handler ${handlerSetting} is not MODULE.EXPORT`);
  }
  const handler = require(path.join(directory, handlerSetting.slice(0, dot)))[handlerSetting.slice(dot + 1)];
  if (typeof handler !== 'function') {
    throw new Error(`the bundle exports no function ${handlerSetting}`);
  }
  return handler;
}

module.exports = { loadPublishedHandler, unpack, loadHandler };
