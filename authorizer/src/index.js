'use strict';

// Lambda@Edge entry point ("index.handler"). Lambda@Edge has no environment
// variables, so the configuration ships beside this file and is read, and its
// keys imported, once per container. A missing or invalid config.json throws
// here, at load, so a broken deployment refuses every request.

const { readFileSync } = require('fs');
const { join } = require('path');
const { isUtf8 } = require('buffer');
const { parseJsonObjectStrict } = require('./strict-json');
const { configurationError } = require('./settings');
const { createAuthorizer } = require('./authorizer');

const configFile = join(__dirname, 'config.json');
// Reading as text is one native call, far cheaper at load than reading bytes;
// it turns invalid UTF-8 into U+FFFD, so only then are the bytes checked.
const configText = readFileSync(configFile, 'utf8');
const config = configText.includes('\uFFFD') && !isUtf8(readFileSync(configFile))
  ? null
  : parseJsonObjectStrict(configText);
if (config === null) {
  throw configurationError('config.json must be UTF-8 JSON: an object without duplicate keys');
}
const authorize = createAuthorizer(config);

const handler = async (event) => authorize(event.Records[0].cf.request);

module.exports = { handler };
