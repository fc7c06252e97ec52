'use strict';

const { refusal } = require('./refusals');

// Checks a verified claims set against the configured policy at time `now`
// (seconds since the epoch) and returns { ok: true, pathPrefixes } or a refusal.
// An issuer of null means iss is not checked.
// Claims are read as own properties only, so a polluted Object.prototype or a
// "__proto__" claim cannot supply a value.
function createClaimsChecker({ issuer, audience, pathClaim, clockSkewSeconds, maxTokenAgeSeconds }) {
  return function checkClaims(claims, now) {
    if (issuer !== null && ownClaim(claims, 'iss') !== issuer) {
      return refusal.wrongIssuer;
    }
    if (!audienceIncludes(ownClaim(claims, 'aud'), audience)) {
      return refusal.wrongAudience;
    }
    const exp = ownClaim(claims, 'exp');
    const nbf = ownClaim(claims, 'nbf');
    const iat = ownClaim(claims, 'iat');
    if (!isNumericDate(exp) || !isOptionalNumericDate(nbf) || !isOptionalNumericDate(iat)) {
      return refusal.invalidClaims;
    }
    if (exp <= now - clockSkewSeconds) {
      return refusal.expired;
    }
    if (nbf !== undefined && nbf > now + clockSkewSeconds) {
      return refusal.notYetValid;
    }
    if (iat !== undefined && iat > now + clockSkewSeconds) {
      return refusal.issuedInFuture;
    }
    // Bounding the lifetime (exp - iat) refuses a fresh token valid until the
    // year 3000, and with exp it bounds the age: no token is used more than
    // maxTokenAgeSeconds + clockSkewSeconds after it was issued.
    if (maxTokenAgeSeconds !== null && (iat === undefined || exp - iat > maxTokenAgeSeconds)) {
      return iat === undefined ? refusal.invalidClaims : refusal.tooLongLived;
    }
    const pathPrefixes = ownClaim(claims, pathClaim);
    if (!isArrayOfStrings(pathPrefixes)) {
      return refusal.invalidClaims;
    }
    return { ok: true, pathPrefixes };
  };
}

function ownClaim(claims, name) {
  return Object.hasOwn(claims, name) ? claims[name] : undefined;
}

// Number.isFinite refuses what JSON can smuggle in as a "number": 1e309 parses
// to Infinity, which would otherwise never expire.
function isNumericDate(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOptionalNumericDate(value) {
  return value === undefined || isNumericDate(value);
}

function audienceIncludes(aud, audience) {
  if (typeof aud === 'string') {
    return aud === audience;
  }
  return Array.isArray(aud) && isArrayOfStrings(aud) && aud.includes(audience);
}

function isArrayOfStrings(value) {
  if (!Array.isArray(value)) {
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      return false;
    }
  }
  return true;
}

module.exports = { createClaimsChecker };
