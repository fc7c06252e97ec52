'use strict';

// Why a token was refused. Each description is a fixed phrase that may be
// shown to the client as RFC 6750 error_description: it never quotes the token.
// Frozen and shared, so refusing allocates nothing.
const refusal = Object.freeze({
  malformed: reason('malformed', 'malformed token'),
  unknownKey: reason('unknown_key', 'unknown signing key'),
  algorithmMismatch: reason('algorithm_mismatch', 'algorithm does not match the key'),
  badSignature: reason('bad_signature', 'invalid signature'),
  invalidClaims: reason('invalid_claims', 'malformed or missing claims'),
  wrongIssuer: reason('wrong_issuer', 'wrong issuer'),
  wrongAudience: reason('wrong_audience', 'wrong audience'),
  expired: reason('expired', 'token expired'),
  notYetValid: reason('not_yet_valid', 'token not yet valid'),
  issuedInFuture: reason('issued_in_future', 'token issued in the future'),
  tooLongLived: reason('too_long_lived', 'token lifetime longer than allowed'),
});

function reason(code, description) {
  return Object.freeze({ ok: false, reason: code, description });
}

module.exports = { refusal };
