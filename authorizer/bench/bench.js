'use strict';

// Benchmark, not a test: per algorithm, the shipped handler's time per
// request (edge/index.js, and src/ for comparison) against Node's bare
// signature check on the same key and token, with jose and jsonwebtoken as
// peers; module load + key import time; bundle size. Writes bench/RESULTS.md
// and prints it.
//
// Times are the minimum over interleaved rounds: on a shared machine other
// work only ever adds time, so the minimum is the least disturbed measurement.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const jsonwebtoken = require('jsonwebtoken');
const { generateSigningKeys } = require('../test-support/keys');
const { signToken } = require('../test-support/tokens');
const { SOURCE_DIR, EDGE_DIR, stageBundle, removeStaged } = require('../test-support/staging');
const { buildBundle } = require('../scripts/bundle');

const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA', 'HS256'];
const ROUNDS = 15;
const BATCH_MILLISECONDS = 40;
const LOAD_SAMPLES = 21;
const ISSUER = 'https://auth.example.com';
const AUDIENCE = 'team-assets';
const URI = '/3f2a9c/photos/cat.png';

async function main() {
  const jose = await import('jose');
  const keys = generateSigningKeys();
  const rows = [];
  for (const alg of ALGORITHMS) {
    rows.push(await benchAlgorithm(alg, keys[alg], jose));
  }
  const allJwks = ALGORITHMS.map((alg) => keys[alg].jwk);
  const load = {
    oneKey: measureLoadMilliseconds(EDGE_DIR, [keys.ES256.jwk]),
    allKeys: measureLoadMilliseconds(EDGE_DIR, allJwks),
    oneKeyCryptoLoaded: measureLoadMilliseconds(EDGE_DIR, [keys.ES256.jwk], { cryptoPreloaded: true }),
    allKeysCryptoLoaded: measureLoadMilliseconds(EDGE_DIR, allJwks, { cryptoPreloaded: true }),
    sourceOneKey: measureLoadMilliseconds(SOURCE_DIR, [keys.ES256.jwk]),
    sourceOneKeyCryptoLoaded: measureLoadMilliseconds(SOURCE_DIR, [keys.ES256.jwk], { cryptoPreloaded: true }),
    cryptoAlone: measureCryptoLoadMilliseconds(),
  };
  const bundleBytes = buildBundle().bytes;
  const markdown = renderResults(rows, load, bundleBytes);
  fs.writeFileSync(RESULTS_FILE, markdown);
  console.log(markdown);
}

async function benchAlgorithm(alg, key, jose) {
  const token = signToken(key, {
    iss: ISSUER,
    aud: AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
    paths: ['/3f2a9c/'],
  });
  const edgeDir = stageHandler(EDGE_DIR, [key.jwk]);
  const sourceDir = stageHandler(SOURCE_DIR, [key.jwk]);
  try {
    const contenders = {
      bare: bareVerifier(alg, key, token),
      handler: handlerRunner(require(path.join(edgeDir, 'index.js')).handler, token),
      sourceHandler: handlerRunner(require(path.join(sourceDir, 'index.js')).handler, token),
      jose: await joseRunner(jose, alg, key, token),
      jsonwebtoken: jsonwebtokenRunner(alg, key, token),
    };
    return { alg, ...(await measure(contenders)) };
  } finally {
    removeStaged(edgeDir);
    removeStaged(sourceDir);
  }
}

// The floor any JWT verifier has to pay: one signature check with inputs
// already decoded and the key already imported.
function bareVerifier(alg, key, token) {
  const dot = token.lastIndexOf('.');
  const signingInput = Buffer.from(token.slice(0, dot));
  const signature = Buffer.from(token.slice(dot + 1), 'base64url');
  if (alg === 'HS256') {
    const secretKey = crypto.createSecretKey(key.secret);
    return syncRunner(() => crypto.timingSafeEqual(
      crypto.createHmac('sha256', secretKey).update(signingInput).digest(), signature));
  }
  const publicKey = crypto.createPublicKey({ key: key.jwk, format: 'jwk' });
  const verifyKey = alg === 'ES256' ? { key: publicKey, dsaEncoding: 'ieee-p1363' } : publicKey;
  const digest = alg === 'EdDSA' ? null : 'sha256';
  return syncRunner(() => crypto.verify(digest, signingInput, verifyKey, signature));
}

// The handler mutates the request it lets through, so each call gets a fresh
// event, built before the clock starts. The Lambda runtime hands the handler
// an event it parsed from JSON, so each is parsed from JSON here too (strings
// built in place would first have to be flattened by the handler).
function handlerRunner(handler, token) {
  const eventText = JSON.stringify(viewerRequestEvent(token));
  return {
    prepare: (count) => Array.from({ length: count }, () => JSON.parse(eventText)),
    run: async (events) => {
      for (const event of events) {
        const result = await handler(event);
        if (result !== event.Records[0].cf.request) {
          throw new Error(`handler refused the benchmark token: ${result.status}`);
        }
      }
    },
  };
}

async function joseRunner(jose, alg, key, token) {
  const verificationKey = await jose.importJWK(key.jwk, alg);
  const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: [alg] };
  return asyncRunner(() => jose.jwtVerify(token, verificationKey, options));
}

function jsonwebtokenRunner(alg, key, token) {
  const verificationKey = alg === 'HS256' ? key.secret : key.publicKey;
  const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: [alg] };
  try {
    jsonwebtoken.verify(token, verificationKey, options);
  } catch {
    return null;
  }
  return syncRunner(() => jsonwebtoken.verify(token, verificationKey, options));
}

function syncRunner(operation) {
  return {
    prepare: (count) => count,
    run: (count) => {
      for (let i = 0; i < count; i++) {
        if (!operation()) {
          throw new Error('benchmark operation failed');
        }
      }
    },
  };
}

function asyncRunner(operation) {
  return {
    prepare: (count) => count,
    run: async (count) => {
      for (let i = 0; i < count; i++) {
        await operation();
      }
    },
  };
}

function viewerRequestEvent(token) {
  return {
    Records: [{
      cf: {
        request: {
          clientIp: '203.0.113.9',
          method: 'GET',
          uri: URI,
          querystring: `authorization=${token}&v=2`,
          headers: { host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }] },
        },
      },
    }],
  };
}

// Returns microseconds per operation for each contender (null if unsupported).
async function measure(contenders) {
  const batchSizes = {};
  for (const [name, runner] of Object.entries(contenders)) {
    if (runner !== null) {
      batchSizes[name] = await calibrate(runner);
    }
  }
  const best = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, count] of Object.entries(batchSizes)) {
      const runner = contenders[name];
      const input = runner.prepare(count);
      const started = process.hrtime.bigint();
      await runner.run(input);
      const microseconds = Number(process.hrtime.bigint() - started) / 1000 / count;
      best[name] = Math.min(best[name] ?? Infinity, microseconds);
    }
  }
  for (const name of Object.keys(contenders)) {
    best[name] ??= null;
  }
  return best;
}

async function calibrate(runner) {
  const warmup = 200;
  const started = process.hrtime.bigint();
  await runner.run(runner.prepare(warmup));
  const microseconds = Number(process.hrtime.bigint() - started) / 1000 / warmup;
  return Math.max(50, Math.min(50000, Math.round((BATCH_MILLISECONDS * 1000) / microseconds)));
}

function stageHandler(codeDir, jwks) {
  return stageBundle(JSON.stringify({
    keys: { keys: jwks },
    issuer: ISSUER,
    audience: AUDIENCE,
    queryParameter: 'authorization',
    pathClaim: 'paths',
    clockSkewSeconds: 30,
    maxTokenAgeSeconds: null,
    defaultOrigin: 'https://app.example.com',
  }), codeDir);
}

// require(index.js) in a fresh process: compiling the code, reading
// config.json and importing every key; the minimum over several processes. A
// Lambda runtime has loaded dozens of modules before it loads a handler, so
// the process first loads a dozen small ones: Node's one-time loader and
// compiler start-up is not counted. The first load of node:crypto (a few ms,
// paid by any verifier) is counted unless `cryptoPreloaded`. The script is a
// file, not `node -e`, which loads node:crypto itself when its text names it;
// and the time is taken before anything is printed, since the first use of
// process.stdout loads modules of its own.
const WARMUP_MODULES = 12;

function measureLoadMilliseconds(codeDir, jwks, { cryptoPreloaded = false } = {}) {
  const directory = stageHandler(codeDir, jwks);
  try {
    return minimumOverProcesses(directory, `require(${JSON.stringify(path.join(directory, 'index.js'))});`,
      cryptoPreloaded ? "require('crypto');" : '');
  } finally {
    removeStaged(directory);
  }
}

function measureCryptoLoadMilliseconds() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'authorizer-bench-'));
  try {
    return minimumOverProcesses(directory, "require('crypto');", '');
  } finally {
    removeStaged(directory);
  }
}

function minimumOverProcesses(directory, measured, preload) {
  const warmupFiles = Array.from({ length: WARMUP_MODULES }, (_, i) => {
    const file = path.join(directory, `warmup-${i}.js`);
    fs.writeFileSync(file, "'use strict';\nconst { join } = require('path');\n" +
      `module.exports = (name) => join('${i}', String(name));\n`);
    return file;
  });
  const script = path.join(directory, 'measure-load.js');
  fs.writeFileSync(script, warmupFiles.map((file) => `require(${JSON.stringify(file)})('x');\n`).join('') +
    `${preload}\nconst started = process.hrtime.bigint();\n${measured}\n` +
    'const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;\n' +
    'process.stdout.write(String(milliseconds));\n');
  const samples = [];
  for (let i = 0; i < LOAD_SAMPLES; i++) {
    samples.push(Number(execFileSync(process.execPath, [script], { encoding: 'utf8' })));
  }
  return Math.min(...samples);
}

function renderResults(rows, load, bundleBytes) {
  const format = (microseconds) => (microseconds === null ? 'n/a' : microseconds.toFixed(2));
  const verdict = (ok) => (ok ? 'met' : 'missed');
  const lines = [
    '# Authorizer benchmark',
    '',
    `Node ${process.version} on ${os.cpus()[0].model} (${os.cpus().length} cores), ${new Date().toISOString().slice(0, 10)}.`,
    'Microseconds per request, minimum over interleaved rounds. "bare verify" is one `crypto.verify`',
    '(HMAC + `timingSafeEqual` for HS256) on pre-decoded input with a pre-imported key; "handler" is',
    'the shipped async `handler` of edge/index.js on a full viewer-request event parsed from JSON, as',
    'the Lambda runtime passes it (query token, parsing, every check, query stripping, Origin',
    'header); "src/ handler" is the same from the modules of src/. Load times: `require` of',
    '`index.js` from a script file in a fresh process that has first loaded a dozen small modules (as',
    'a Lambda runtime has before it loads a handler), timed before anything is printed; minimum of',
    `${LOAD_SAMPLES} processes.`,
    '',
    '| algorithm | bare verify | handler | handler / bare | src/ handler | jose | jsonwebtoken |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(`| ${row.alg} | ${format(row.bare)} | ${format(row.handler)} | ` +
      `${(row.handler / row.bare).toFixed(3)}x | ${format(row.sourceHandler)} | ` +
      `${format(row.jose)} | ${format(row.jsonwebtoken)} |`);
  }
  const ratio = (alg) => {
    const row = rows.find((candidate) => candidate.alg === alg);
    return row.handler / row.bare;
  };
  const milliseconds = (value) => `${value.toFixed(2)} ms`;
  lines.push(
    '',
    '| measure | value | target |',
    '| --- | ---: | --- |',
    `| module load + key import, 1 ES256 key | ${milliseconds(load.oneKey)} | < 3 ms: ${verdict(load.oneKey < 3)} |`,
    `| module load + key import, 4 keys (one per algorithm) | ${milliseconds(load.allKeys)} | < 3 ms: ${verdict(load.allKeys < 3)} |`,
    `| the same, 1 ES256 key, node:crypto already loaded | ${milliseconds(load.oneKeyCryptoLoaded)} | |`,
    `| the same, 4 keys, node:crypto already loaded | ${milliseconds(load.allKeysCryptoLoaded)} | |`,
    `| src/ modules instead, 1 ES256 key | ${milliseconds(load.sourceOneKey)} | |`,
    `| src/ modules instead, 1 ES256 key, node:crypto already loaded | ${milliseconds(load.sourceOneKeyCryptoLoaded)} | |`,
    `| node:crypto alone | ${milliseconds(load.cryptoAlone)} | |`,
    `| bundle (edge/index.js + sample config.json), zipped | ${bundleBytes} bytes | < 8 KB: ${verdict(bundleBytes < 8192)} |`,
    `| ES256 handler / bare verify | ${ratio('ES256').toFixed(3)}x | <= 1.05x: ${verdict(ratio('ES256') <= 1.05)} |`,
    `| RS256 handler / bare verify | ${ratio('RS256').toFixed(3)}x | <= 1.05x: ${verdict(ratio('RS256') <= 1.05)} |`,
    '',
  );
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
