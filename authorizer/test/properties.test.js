'use strict';

// Property tests with bounded run counts (the suite must stay fast on a
// shared machine). A failure prints the seed and the shrunk counterexample.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const posix = require('path').posix;
const fc = require('fast-check');
const { readCredentials } = require('../src/viewer-request');
const {
  authorizerFor,
  validToken,
  queryRequest,
  bearerRequest,
  assertRefused,
  assertForwarded,
} = require('../test-support/fixture');

const authorize = authorizerFor();
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA', 'HS256'];
const TOKEN_CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', '.', '=', '+', '/', ' ', '%'];

function isRefused(request, result) {
  return result !== request && ['400', '401', '403'].includes(result.status);
}

describe('mutated tokens are never accepted', () => {
  const tokens = Object.fromEntries(ALGORITHMS.map((alg) => [alg, validToken(alg, { sub: alg })]));
  const issued = new Set(Object.values(tokens));
  const character = fc.constantFrom(...TOKEN_CHARACTERS);
  // Each mutation is a named function of the token; splicing takes segments
  // from the valid tokens of the other algorithms.
  const named = (description, apply) => Object.assign(apply, { [fc.toStringMethod]: () => description });
  const mutation = fc.oneof(
    fc.tuple(fc.nat(), character).map(([at, c]) => named(`replace(${at}, ${c})`,
      (t) => `${t.slice(0, at % t.length)}${c}${t.slice(at % t.length + 1)}`)),
    fc.tuple(fc.nat(), character).map(([at, c]) => named(`insert(${at}, ${c})`,
      (t) => `${t.slice(0, at % (t.length + 1))}${c}${t.slice(at % (t.length + 1))}`)),
    fc.nat().map((at) => named(`delete(${at})`, (t) => `${t.slice(0, at % t.length)}${t.slice(at % t.length + 1)}`)),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => named(`swap(${i}, ${j})`, (t) => {
      const chars = [...t];
      [chars[i % t.length], chars[j % t.length]] = [chars[j % t.length], chars[i % t.length]];
      return chars.join('');
    })),
    fc.nat().map((cut) => named(`truncate(${cut})`, (t) => t.slice(0, cut % t.length))),
    fc.tuple(fc.constantFrom(...ALGORITHMS), fc.integer({ min: 0, max: 2 })).map(([other, segment]) =>
      named(`splice(${other}, ${segment})`, (t) => {
        const parts = t.split('.');
        parts[segment] = tokens[other].split('.')[segment];
        return parts.join('.');
      })),
    fc.nat().map((bit) => named(`flipSignatureBit(${bit})`, (t) => {
      const parts = t.split('.');
      const signature = Buffer.from(parts[2] ?? '', 'base64url');
      if (parts.length !== 3 || signature.length === 0) {
        return `${t}.`;
      }
      signature[(bit >> 3) % signature.length] ^= 1 << (bit & 7);
      parts[2] = signature.toString('base64url');
      return parts.join('.');
    })),
  );
  for (const alg of ALGORITHMS) {
    it(`${alg}: any string but an issued token is refused`, () => {
      const token = tokens[alg];
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const mutated = mutations.reduce((current, mutate) => mutate(current), token);
        // Splicing all three segments of another token rebuilds that token.
        fc.pre(!issued.has(mutated));
        for (const request of [queryRequest(mutated), bearerRequest(`Bearer ${mutated}`)]) {
          assert.ok(isRefused(request, authorize(request)), `accepted ${mutated}`);
        }
      }), { numRuns: 500 });
    });
  }
});

describe('paths outside the granted prefixes are never served', () => {
  const grants = ['/t1/', '/abc', '/d/e/'];
  const token = validToken('ES256', { paths: grants });
  const piece = fc.constantFrom(
    '/', '//', '.', '..', '/./', '/../', '%2e', '%2E', '%2f', '%2F', '%5c', '\\', '%25', '%00', '%', '%c0%ae', '%e2%80%ae',
    't', 't1', 't10', 'T1', 'abc', 'abcd', 'd', 'e', 'x', '0', '%31', '%61', '/t1/', '/abc', '/d/e/', '/d/', '\u00e9', ' ',
  );
  const pieces = fc.array(piece, { minLength: 1, maxLength: 8 }).map((chosen) => chosen.join(''));
  // Mostly paths that begin like a grant, so the interesting cases are near it.
  const path = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...grants, '/t', '/ab', '/d/', '/'), pieces).map(([start, rest]) => start + rest), weight: 4 },
    { arbitrary: pieces, weight: 1 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );

  // An independent judgement of whether a raw path lies inside a grant: it must
  // decode, be unchanged by normalization, hold no backslash or NUL, and start
  // with a granted prefix at a "/" boundary both raw and decoded.
  const insideGrant = (uri) => {
    let decoded;
    try {
      decoded = decodeURIComponent(uri);
    } catch {
      return false;
    }
    if (!uri.startsWith('/') || /[\\\0]/.test(decoded) || /%2f|%25/i.test(uri) || posix.normalize(decoded) !== decoded) {
      return false;
    }
    const atBoundary = (text, prefix) => text.startsWith(prefix) &&
      (text.length === prefix.length || prefix.endsWith('/') || text[prefix.length] === '/');
    return grants.some((prefix) => atBoundary(uri, prefix) && atBoundary(decoded, prefix));
  };

  it('serves a random path only when an independent check puts it inside a grant', () => {
    fc.assert(fc.property(path, (uri) => {
      const request = queryRequest(token, { uri });
      const result = authorize(request);
      if (result === request) {
        assert.ok(insideGrant(uri), `served ${JSON.stringify(uri)}`);
      } else {
        assertRefused(request, result, result.status);
        assert.ok(['400', '403'].includes(result.status));
      }
    }), { numRuns: 2000 });
  });

  it('serves every plain path below a grant', () => {
    const segment = fc.string({ unit: fc.constantFrom(...'abcxyz019-_~'), minLength: 1, maxLength: 6 });
    fc.assert(fc.property(fc.constantFrom(...grants), fc.array(segment, { minLength: 1, maxLength: 4 }), (prefix, segments) => {
      const uri = `${prefix}${prefix.endsWith('/') ? '' : '/'}${segments.join('/')}`;
      const request = queryRequest(token, { uri });
      assertForwarded(request, authorize(request));
    }), { numRuns: 300 });
  });
});

describe('the token parameter is cut out of any query string exactly', () => {
  // The obvious implementation, split and join, as the reference.
  const reference = (querystring) => {
    const kept = [];
    const values = [];
    for (const part of querystring.split('&')) {
      const equals = part.indexOf('=');
      const name = equals === -1 ? part : part.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // An undecodable name is not the parameter's.
      }
      if (decoded === 'authorization') {
        values.push(equals === -1 ? '' : part.slice(equals + 1));
      } else {
        kept.push(part);
      }
    }
    if (values.length > 1) {
      return { malformed: true };
    }
    return values.length === 0
      ? { malformed: false, token: null, queryWithoutToken: null }
      : { malformed: false, token: values[0], queryWithoutToken: kept.join('&') };
  };
  const part = fc.oneof(
    fc.constantFrom('authorization=T.K.N', 'authorization', 'authorization=', 'authoriz%61tion=x', 'Authorization=y',
      'authorization%3D=z', '%zz=1', 'a=1', 'b', '', '=', 'a=b=c', 'x=%E2%9C%93', 'authorizationx=2', 'y=authorization'),
    fc.string({ unit: fc.constantFrom('a', '=', '%', '2', '0', '+', ';', 'u'), maxLength: 5 }),
  );
  it('matches split-and-join byte for byte', () => {
    fc.assert(fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
      const querystring = parts.join('&');
      assert.deepEqual(readCredentials({ querystring, headers: {} }, 'authorization'), reference(querystring));
    }), { numRuns: 3000 });
  });
});
