'use strict';

// jose as an oracle: over random valid and invalid tokens, the authorizer's
// verdict on signature and claims must match jose's, except where the
// authorizer is deliberately stricter (each exception is named below). Each
// token goes to the authorizer in an Authorization header, for a path its
// claims grant, so the request goes on exactly when the token is accepted.

const { describe, it, before } = require('node:test');
const assert = require('node:assert/strict');
const fc = require('fast-check');
const { generateSigningKeys } = require('../test-support/keys');
const { signToken } = require('../test-support/tokens');
const { NOW, ISSUER, AUDIENCE, TARGETS, bearerRequest } = require('../test-support/fixture');

const ALGORITHMS = ['ES256', 'RS256', 'EdDSA', 'HS256'];

const keys = generateSigningKeys();
// Same algorithms and kids, other key material: signatures that must fail.
const impostors = generateSigningKeys();

for (const { name, authorizerFor } of TARGETS) {
  describe(name, () => {
    describe('differential test against jose', () => {
      let jose;
      const joseKeys = new Map();

      before(async () => {
        jose = await import('jose');
        for (const alg of ALGORITHMS) {
          joseKeys.set(keys[alg].kid, await jose.importJWK(keys[alg].jwk, alg));
        }
      });

      const policies = [
        { clockSkewSeconds: 0, maxTokenAgeSeconds: null },
        { clockSkewSeconds: 30, maxTokenAgeSeconds: null },
        { clockSkewSeconds: 30, maxTokenAgeSeconds: 600 },
      ];
      const authorizers = policies.map((policy) => authorizerFor(policy, { keys }));
      const accepts = async (policyIndex, text) => {
        const request = bearerRequest(`Bearer ${text}`);
        return (await authorizers[policyIndex](request)) === request;
      };

      const offset = (range) => fc.integer({ min: -range, max: range });
      const optional = (arbitrary) => fc.option(arbitrary, { nil: undefined, freq: 4 });
      // null (use the right value) seven times out of eight.
      const rarely = (arbitrary) => fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary, weight: 1 });
      // Mostly valid values, so that both verdicts are common.
      const mostly = (good, bad) => fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: bad, weight: 1 });
      const claims = fc.record({
        iss: mostly(fc.constant(ISSUER), fc.constantFrom('https://other.example.com', undefined, 5)),
        aud: mostly(fc.constantFrom(AUDIENCE, [AUDIENCE, 'x']), fc.constantFrom(['x'], [], 'x', undefined, 7)),
        exp: mostly(fc.integer({ min: -60, max: 900 }).map((delta) => NOW + delta),
          fc.constantFrom(undefined, String(NOW + 60), null, NOW + 0.5)),
        nbf: optional(fc.integer({ min: -120, max: 60 }).map((delta) => NOW + delta)),
        iat: optional(fc.oneof(fc.integer({ min: -700, max: 60 }).map((delta) => NOW + delta), fc.constant('now'))),
      }, { requiredKeys: ['iss', 'aud', 'exp'] });
      const token = fc.record({
        alg: fc.constantFrom(...ALGORITHMS),
        headerAlg: rarely(fc.constantFrom(...ALGORITHMS, 'none')),
        kid: rarely(fc.constantFrom('es-key', 'rs-key', 'ed-key', 'hs-key', 'unknown')),
        typ: fc.constantFrom('JWT', undefined),
        signer: fc.constantFrom('right', 'right', 'right', 'right', 'right', 'impostor'),
        claims,
        tamper: fc.constantFrom(false, false, false, false, false, true),
        policy: fc.integer({ min: 0, max: policies.length - 1 }),
      });

      const build = (spec) => {
        const key = (spec.signer === 'right' ? keys : impostors)[spec.alg];
        const header = { alg: spec.headerAlg ?? spec.alg, kid: spec.kid ?? key.kid, typ: spec.typ };
        const body = { ...spec.claims, paths: ['/t1/'] };
        let text = signToken(key, body, header);
        if (spec.tamper) {
          const [h, , s] = text.split('.');
          text = `${h}.${Buffer.from(JSON.stringify({ ...body, sub: 'x' })).toString('base64url')}.${s}`;
        }
        return text;
      };

      const joseAccepts = async (text, policy) => {
        try {
          await jose.jwtVerify(text, async (header) => {
            const key = joseKeys.get(header.kid);
            if (key === undefined) {
              throw new Error('unknown kid');
            }
            return key;
          }, {
            issuer: ISSUER,
            audience: AUDIENCE,
            algorithms: ALGORITHMS,
            requiredClaims: ['exp'],
            clockTolerance: policy.clockSkewSeconds,
            maxTokenAge: policy.maxTokenAgeSeconds ?? undefined,
            currentDate: new Date(NOW * 1000),
          });
          return true;
        } catch {
          return false;
        }
      };

      // Where the authorizer is stricter than jose, on purpose.
      const stricterRules = (spec, policy) => {
        const { iat, exp } = spec.claims;
        // iat in the future is refused even without a maximum age.
        const iatInFuture = typeof iat === 'number' && iat > NOW + policy.clockSkewSeconds;
        // With a maximum age, the lifetime exp - iat is bounded too.
        const tooLongLived = policy.maxTokenAgeSeconds !== null && typeof iat === 'number' && typeof exp === 'number' &&
          exp - iat > policy.maxTokenAgeSeconds;
        return !iatInFuture && !tooLongLived;
      };

      const isCanonicalBase64Url = (text) => text.split('.').every((segment) =>
        /^[A-Za-z0-9_-]*$/.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment);

      it('agrees with jose on random tokens', async () => {
        let accepted = 0;
        let refused = 0;
        await fc.assert(fc.asyncProperty(token, async (spec) => {
          if (spec.claims.iat === 'now') {
            spec.claims.iat = NOW;
          }
          const policy = policies[spec.policy];
          const text = build(spec);
          const ours = await accepts(spec.policy, text);
          const expected = (await joseAccepts(text, policy)) && stricterRules(spec, policy);
          assert.equal(ours, expected, `token ${text} under ${JSON.stringify(policy)}`);
          if (ours) {
            accepted++;
          } else {
            refused++;
          }
        }), { numRuns: 600 });
        // The generator must exercise both verdicts, or the comparison says little
        // (about a quarter are accepted; the bounds leave room for chance).
        assert.ok(accepted > 100, `only ${accepted} accepted`);
        assert.ok(refused > 100, `only ${refused} refused`);
      });

      it('agrees with jose on bit flips of valid tokens', async () => {
        const valid = ALGORITHMS.map((alg) => signToken(keys[alg], {
          iss: ISSUER, aud: AUDIENCE, exp: NOW + 60, paths: ['/t1/'],
        }));
        await fc.assert(fc.asyncProperty(fc.constantFrom(...valid), fc.nat(), async (text, bit) => {
          const bytes = Buffer.from(text, 'latin1');
          const index = (bit >> 3) % bytes.length;
          bytes[index] ^= 1 << (bit & 7);
          const flipped = bytes.toString('latin1');
          // jose decodes base64url leniently; the authorizer requires the
          // canonical encoding, so a flip of an unused trailing bit differs.
          const expected = (await joseAccepts(flipped, policies[0])) && isCanonicalBase64Url(flipped);
          assert.equal(await accepts(0, flipped), expected, flipped);
        }), { numRuns: 1000 });
      });

      it('accepts what jose accepts for each algorithm (sanity)', async () => {
        for (const alg of ALGORITHMS) {
          const text = signToken(keys[alg], { iss: ISSUER, aud: AUDIENCE, exp: NOW + 60, paths: ['/t1/'] });
          assert.equal(await joseAccepts(text, policies[0]), true);
          assert.equal(await accepts(0, text), true);
        }
      });
    });
  });
}
