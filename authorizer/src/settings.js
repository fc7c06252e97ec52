'use strict';

const { loadKeyring } = require('./keyring');

const DEFAULT_QUERY_PARAMETER = 'authorization';
const DEFAULT_PATH_CLAIM = 'paths';
const DEFAULT_CLOCK_SKEW_SECONDS = 30;
const MAX_CLOCK_SKEW_SECONDS = 300;
// Unreserved URL characters only, so the name is matched without decoding.
const QUERY_PARAMETER_NAME = /^[A-Za-z0-9._~-]+$/;
// Scheme and host (and port) only, as the resource's schema allows.
const HTTP_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/;

const FIELDS = new Set([
  'keys', 'issuer', 'audience', 'queryParameter', 'pathClaim',
  'clockSkewSeconds', 'maxTokenAgeSeconds', 'defaultOrigin',
]);

// Validates the parsed config.json and fills in defaults; throws on anything
// unexpected, including unknown fields (most likely a misspelt option that
// would otherwise be silently ignored). A field set to null takes its default;
// issuer defaults to null, meaning iss is not checked.
function readSettings(config) {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw configurationError('config.json must hold a JSON object');
  }
  for (const field of Object.keys(config)) {
    if (!FIELDS.has(field)) {
      throw configurationError(`unknown field "${field}"`);
    }
  }
  return Object.freeze({
    keyring: keyringFrom(config.keys),
    issuer: optionalString(config, 'issuer', null),
    audience: requiredString(config, 'audience'),
    queryParameter: queryParameterName(config.queryParameter),
    pathClaim: optionalString(config, 'pathClaim', DEFAULT_PATH_CLAIM),
    clockSkewSeconds: clockSkewSeconds(config.clockSkewSeconds),
    maxTokenAgeSeconds: maxTokenAgeSeconds(config.maxTokenAgeSeconds),
    defaultOrigin: defaultOrigin(config.defaultOrigin),
  });
}

function keyringFrom(jwks) {
  try {
    return loadKeyring(jwks);
  } catch (cause) {
    throw configurationError(`"keys": ${cause.message}`, cause);
  }
}

function requiredString(config, field) {
  const value = config[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw configurationError(`"${field}" must be a non-empty string`);
  }
  return value;
}

function optionalString(config, field, fallback) {
  return isAbsent(config[field]) ? fallback : requiredString(config, field);
}

function queryParameterName(value) {
  if (isAbsent(value)) {
    return DEFAULT_QUERY_PARAMETER;
  }
  if (typeof value !== 'string' || !QUERY_PARAMETER_NAME.test(value)) {
    throw configurationError('"queryParameter" must be a non-empty name of letters, digits, ".", "_", "~" or "-"');
  }
  return value;
}

function clockSkewSeconds(value) {
  if (isAbsent(value)) {
    return DEFAULT_CLOCK_SKEW_SECONDS;
  }
  if (!Number.isInteger(value) || value < 0 || value > MAX_CLOCK_SKEW_SECONDS) {
    throw configurationError(`"clockSkewSeconds" must be an integer from 0 to ${MAX_CLOCK_SKEW_SECONDS}`);
  }
  return value;
}

function maxTokenAgeSeconds(value) {
  if (isAbsent(value)) {
    return null;
  }
  if (!Number.isInteger(value) || value <= 0) {
    throw configurationError('"maxTokenAgeSeconds" must be null or a positive integer');
  }
  return value;
}

function defaultOrigin(value) {
  if (isAbsent(value)) {
    return null;
  }
  if (typeof value !== 'string' || !HTTP_ORIGIN.test(value)) {
    throw configurationError('"defaultOrigin" must be null or an origin such as "https://app.example.com"');
  }
  return value;
}

function isAbsent(value) {
  return value === undefined || value === null;
}

// Thrown at module load: a function with a bad configuration must fail every
// request loudly rather than let any of them through.
function configurationError(message, cause) {
  return new Error(`authorizer configuration: ${message}`, { cause });
}

module.exports = { readSettings, configurationError };
