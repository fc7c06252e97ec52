'use strict';

// Property tests with bounded run counts (the suite must stay fast on a
// shared machine). A failure prints the seed and the shrunk counterexample.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const posix = require('path').posix;
const fc = require('fast-check');
const {
  TARGETS,
  validToken,
  viewerRequest,
  queryRequest,
  bearerRequest,
  assertRefused,
  assertForwarded,
  challengeOf,
} = require('../test-support/fixture');

const ALGORITHMS = ['ES256', 'RS256', 'EdDSA', 'HS256'];
const TOKEN_CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', '.', '=', '+', '/', ' ', '%'];

function isRefused(request, result) {
  return result !== request && ['400', '401', '403'].includes(result.status);
}

for (const target of TARGETS) {
  describe(target.name, () => {
    const authorize = target.authorizerFor();

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
        it(`${alg}: any string but an issued token is refused`, async () => {
          const token = tokens[alg];
          await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
            const mutated = mutations.reduce((current, mutate) => mutate(current), token);
            // Splicing all three segments of another token rebuilds that token.
            fc.pre(!issued.has(mutated));
            for (const request of [queryRequest(mutated), bearerRequest(`Bearer ${mutated}`)]) {
              assert.ok(isRefused(request, await authorize(request)), `accepted ${mutated}`);
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

      it('serves a random path only when an independent check puts it inside a grant', async () => {
        await fc.assert(fc.asyncProperty(path, async (uri) => {
          const request = queryRequest(token, { uri });
          const result = await authorize(request);
          if (result === request) {
            assert.ok(insideGrant(uri), `served ${JSON.stringify(uri)}`);
          } else {
            assertRefused(request, result, result.status);
            assert.ok(['400', '403'].includes(result.status));
          }
        }), { numRuns: 2000 });
      });

      it('serves every plain path below a grant', async () => {
        const segment = fc.string({ unit: fc.constantFrom(...'abcxyz019-_~'), minLength: 1, maxLength: 6 });
        await fc.assert(fc.asyncProperty(fc.constantFrom(...grants), fc.array(segment, { minLength: 1, maxLength: 4 }), async (prefix, segments) => {
          const uri = `${prefix}${prefix.endsWith('/') ? '' : '/'}${segments.join('/')}`;
          const request = queryRequest(token, { uri });
          assertForwarded(request, await authorize(request));
        }), { numRuns: 300 });
      });
    });

    describe('the token parameter is cut out of any query string exactly', () => {
      const token = validToken('ES256');
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
        fc.constantFrom(`authorization=${token}`, 'authorization', 'authorization=', 'authoriz%61tion=x', 'Authorization=y',
          'authorization%3D=z', '%zz=1', 'a=1', 'b', '', '=', 'a=b=c', 'x=%E2%9C%93', 'authorizationx=2', 'y=authorization'),
        fc.string({ unit: fc.constantFrom('a', '=', '%', '2', '0', '+', ';', 'u'), maxLength: 5 }),
      );
      // What the handler must do with the request the reference reads: 400 when
      // ambiguous, the bare challenge without a token, 401 for any token but the
      // valid one, and for that one, go on without the parameter.
      it('matches split-and-join byte for byte', async () => {
        let forwarded = 0;
        await fc.assert(fc.asyncProperty(fc.array(part, { maxLength: 6 }), async (parts) => {
          const querystring = parts.join('&');
          const expected = reference(querystring);
          const request = viewerRequest({ querystring });
          const result = await authorize(request);
          if (expected.malformed) {
            assertRefused(request, result, '400');
          } else if (expected.token === null) {
            assertRefused(request, result, '401');
            assert.equal(challengeOf(result), 'Bearer');
          } else if (expected.token === token) {
            assertForwarded(request, result);
            assert.equal(request.querystring, expected.queryWithoutToken);
            forwarded++;
          } else {
            assertRefused(request, result, '401');
            assert.match(challengeOf(result), /error="invalid_token"/);
          }
        }), { numRuns: 3000 });
        // The valid token must come through often enough to check the stripping.
        assert.ok(forwarded > 30, `only ${forwarded} forwarded`);
      });
    });
  });
}
