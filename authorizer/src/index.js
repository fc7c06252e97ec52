'use strict';

// Lambda@Edge entry point ("index.handler"). Lambda@Edge has no environment
// variables, so the configuration ships beside this file and is read, and its
// keys imported, once per container. A missing or invalid config.json throws
// here, at load, so a broken deployment refuses every request.

const fs = require('fs');
const path = require('path');
const { parseJsonObjectStrict } = require('./strict-json');
const { configurationError } = require('./settings');
const { createAuthorizer } = require('./authorizer');

const config = parseJsonObjectStrict(fs.readFileSync(path.join(__dirname, 'config.json')));
if (config === null) {
  throw configurationError('config.json must be a JSON object without duplicate keys');
}
const authorize = createAuthorizer(config);

exports.handler = async (event) => authorize(event.Records[0].cf.request);
