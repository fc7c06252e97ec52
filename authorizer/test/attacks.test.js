'use strict';

// Every case of shared/AUTHORIZER-ATTACKS.md, numbered as there. Each builds
// its token or request here, with keys generated for the run, and checks the
// exact status and that the request did not go on to the origin.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const http = require('http');
const https = require('https');
const {
  NOW,
  TARGETS,
  testKeys,
  validClaims,
  validToken,
  viewerRequest,
  queryRequest,
  bearerRequest,
  expectStatus,
  expectInvalidToken,
  expectForwarded,
  challengeOf,
} = require('../test-support/fixture');
const { base64url, signRaw, signToken, withSignature, signatureOf } = require('../test-support/tokens');

const keys = testKeys();
const P256_ORDER = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');

const MALFORMED = 'malformed token';
const UNKNOWN_KEY = 'unknown signing key';
const ALGORITHM_MISMATCH = 'algorithm does not match the key';
const BAD_SIGNATURE = 'invalid signature';
const INVALID_CLAIMS = 'malformed or missing claims';

// Signs with an explicit header object and claims, for any key in the run.
function tokenWithHeader(key, header, claims = validClaims()) {
  return signRaw(key, JSON.stringify(header), JSON.stringify(claims));
}

function hmacToken(secret, header, claims = validClaims()) {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${crypto.createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function toScalar(bigint) {
  return Buffer.from(bigint.toString(16).padStart(64, '0'), 'hex');
}

for (const target of TARGETS) {
  describe(target.name, () => {
    const { authorizerFor } = target;
    const authorize = authorizerFor();
    const refuse = (token, description) => expectInvalidToken(authorize, queryRequest(token), description);

    describe('1. alg "none" and its spellings', () => {
      for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
        for (const signature of ['', 'c2lnbmF0dXJl']) {
          it(`refuses alg "${alg}" with ${signature === '' ? 'an empty' : 'a non-empty'} signature`, async () => {
            for (const kid of ['es-key', undefined]) {
              const header = base64url(JSON.stringify({ alg, kid, typ: 'JWT' }));
              const token = `${header}.${base64url(JSON.stringify(validClaims()))}.${signature}`;
              await expectStatus(authorize, queryRequest(token), '401');
            }
          });
        }
      }
    });

    describe('2. alg missing or not a string', () => {
      const cases = { missing: undefined, empty: '', number: 256, array: ['ES256'], null: null };
      for (const [name, alg] of Object.entries(cases)) {
        it(`refuses alg ${name}`, async () => {
          await refuse(tokenWithHeader(keys.ES256, { alg, kid: 'es-key', typ: 'JWT' }), ALGORITHM_MISMATCH);
        });
      }
    });

    describe('3. empty and truncated signatures', () => {
      for (const alg of ['ES256', 'RS256', 'EdDSA', 'HS256']) {
        it(`refuses an empty ${alg} signature (h.p.)`, async () => {
          const token = validToken(alg);
          await refuse(token.slice(0, token.lastIndexOf('.') + 1), BAD_SIGNATURE);
        });
        it(`refuses a ${alg} signature with its last 3 characters cut`, async () => {
          await expectStatus(authorize, queryRequest(validToken(alg).slice(0, -3)), '401');
        });
      }
    });

    describe('4. public key used as an HMAC secret (key confusion)', () => {
      const textualForms = (publicKey, jwk) => {
        const spkiPem = publicKey.export({ type: 'spki', format: 'pem' });
        const forms = {
          'SPKI PEM': spkiPem,
          'SPKI PEM without trailing newline': spkiPem.trimEnd(),
          'SPKI DER': publicKey.export({ type: 'spki', format: 'der' }),
          'JWK JSON': JSON.stringify(publicKey.export({ format: 'jwk' })),
          'configured JWK JSON': JSON.stringify(jwk),
          'PEM with leading whitespace': ` \n${spkiPem}`,
          'PEM with a leading non-whitespace byte': `x${spkiPem}`,
        };
        if (publicKey.asymmetricKeyType === 'rsa') {
          forms['PKCS#1 PEM'] = publicKey.export({ type: 'pkcs1', format: 'pem' });
          forms['PKCS#1 DER'] = publicKey.export({ type: 'pkcs1', format: 'der' });
        }
        return forms;
      };
      const rsaOnly = authorizerFor({ keys: { keys: [keys.RS256.jwk] } });
      for (const alg of ['RS256', 'ES256']) {
        const key = keys[alg];
        for (const [form, secret] of Object.entries(textualForms(key.publicKey, key.jwk))) {
          it(`refuses HS256 keyed with the ${alg} key as ${form}`, async () => {
            await refuse(hmacToken(secret, { alg: 'HS256', kid: key.kid, typ: 'JWT' }), ALGORITHM_MISMATCH);
            await refuse(hmacToken(secret, { alg: 'HS256', kid: keys.HS256.kid, typ: 'JWT' }), BAD_SIGNATURE);
            await expectStatus(rsaOnly, queryRequest(hmacToken(secret, { alg: 'HS256', kid: key.kid })), '401');
          });
        }
      }
    });

    describe('5. key type and curve mismatch', () => {
      it('refuses an ES256 token naming the RSA key', async () => {
        await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'rs-key' }), ALGORITHM_MISMATCH);
      });
      it('refuses an RS256 token naming the EC key', async () => {
        await refuse(tokenWithHeader(keys.RS256, { alg: 'RS256', kid: 'es-key' }), ALGORITHM_MISMATCH);
      });
      it('refuses an ES384 token naming the P-256 key', async () => {
        const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
        const es384 = {
          alg: 'ES384',
          kid: 'es-key',
          sign: (input) => crypto.sign('sha384', Buffer.from(input), { key: p384.privateKey, dsaEncoding: 'ieee-p1363' }),
        };
        await refuse(signToken(es384, validClaims()), ALGORITHM_MISMATCH);
      });
      it('refuses an EdDSA token naming the EC key and an ES256 token naming the Ed25519 key', async () => {
        await refuse(tokenWithHeader(keys.EdDSA, { alg: 'EdDSA', kid: 'es-key' }), ALGORITHM_MISMATCH);
        await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'ed-key' }), ALGORITHM_MISMATCH);
      });
    });

    describe('6. ECDSA psychic signatures and wrong encodings', () => {
      const token = validToken('ES256');
      const signature = signatureOf(token);
      const der = crypto.sign('sha256', Buffer.from(token.slice(0, token.lastIndexOf('.'))),
        { key: keys.ES256.privateKey, dsaEncoding: 'der' });
      const cases = {
        '64 zero bytes': Buffer.alloc(64),
        'r = 0': Buffer.concat([Buffer.alloc(32), signature.subarray(32)]),
        's = 0': Buffer.concat([signature.subarray(0, 32), Buffer.alloc(32)]),
        'r = s = n (the group order)': Buffer.concat([toScalar(P256_ORDER), toScalar(P256_ORDER)]),
        'DER instead of r||s': der,
        '65 bytes (a trailing zero)': Buffer.concat([signature, Buffer.alloc(1)]),
        '65 bytes (a leading zero)': Buffer.concat([Buffer.alloc(1), signature]),
        '63 bytes': signature.subarray(0, 63),
      };
      for (const [name, bytes] of Object.entries(cases)) {
        it(`refuses ${name}`, async () => {
          await refuse(withSignature(token, bytes), BAD_SIGNATURE);
        });
      }
      it('refuses an empty signature', async () => {
        await refuse(`${token.slice(0, token.lastIndexOf('.'))}.`, BAD_SIGNATURE);
      });
    });

    describe('7. ECDSA malleability: no decision is keyed on the token string', () => {
      const malleate = (token) => {
        const signature = signatureOf(token);
        const s = BigInt(`0x${signature.subarray(32).toString('hex')}`);
        return withSignature(token, Buffer.concat([signature.subarray(0, 32), toScalar(P256_ORDER - s)]));
      };
      it('accepts the (r, n - s) twin exactly like the original, so a deny list by token string would be bypassed', async () => {
        const token = validToken('ES256');
        const twin = malleate(token);
        assert.notEqual(twin, token);
        await expectForwarded(authorize, queryRequest(token));
        await expectForwarded(authorize, queryRequest(twin));
      });
      it('judges each twin on its own claims and the clock, never on an earlier verdict', async () => {
        const token = validToken('ES256', { exp: NOW + 10 });
        const twin = malleate(token);
        await expectForwarded(authorize, queryRequest(token));
        const later = authorizerFor({}, { now: NOW + 60 });
        await expectForwarded(authorize, queryRequest(twin));
        await expectInvalidToken(later, queryRequest(token), 'token expired');
        await expectInvalidToken(later, queryRequest(twin), 'token expired');
        await expectInvalidToken(authorize, queryRequest(malleate(validToken('ES256', { aud: 'other' }))), 'wrong audience');
      });
    });

    describe('8. key-bearing headers', () => {
      const attacker = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const attackerKey = {
        alg: 'ES256',
        kid: 'es-key',
        sign: (input) => crypto.sign('sha256', Buffer.from(input), { key: attacker.privateKey, dsaEncoding: 'ieee-p1363' }),
      };
      const attackerJwk = { ...attacker.publicKey.export({ format: 'jwk' }), kid: 'es-key', alg: 'ES256' };
      const headers = {
        jwk: { jwk: attackerJwk },
        jku: { jku: 'https://attacker.example/jwks.json' },
        x5u: { x5u: 'https://attacker.example/cert.pem' },
        x5c: { x5c: ['MIIBszCCAVmgAwIBAgIUQ=='] },
      };
      for (const [name, extra] of Object.entries(headers)) {
        it(`refuses an embedded ${name} header without fetching anything`, async (t) => {
          const fetchSpy = t.mock.method(globalThis, 'fetch', async () => { throw new Error('fetched'); });
          const spies = [http, https].flatMap((module) =>
            ['request', 'get'].map((method) => t.mock.method(module, method, () => { throw new Error('fetched'); })));
          await refuse(tokenWithHeader(attackerKey, { alg: 'ES256', kid: 'es-key', ...extra }), MALFORMED);
          await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'es-key', ...extra }), MALFORMED);
          assert.equal(fetchSpy.mock.callCount(), 0);
          for (const spy of spies) {
            assert.equal(spy.mock.callCount(), 0);
          }
        });
      }
    });

    describe('9. kid injection', () => {
      const kids = {
        'path traversal': '../../dev/null',
        'SQL quotes': "es-key' OR '1'='1",
        'a number': 1,
        'null': null,
        'an array': ['es-key'],
        'an object': { kid: 'es-key' },
        'unknown': 'nope',
        'a trailing space': 'es-key ',
        'another case': 'ES-KEY',
        'missing': undefined,
      };
      for (const [name, kid] of Object.entries(kids)) {
        it(`refuses a kid that is ${name}`, async () => {
          await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid }), UNKNOWN_KEY);
          // The classic: kid pointing at /dev/null, HMAC keyed with its (empty) content.
          await refuse(hmacToken('', { alg: 'HS256', kid }), UNKNOWN_KEY);
        });
      }
    });

    describe('10. weak HS256 secrets', () => {
      for (const secret of ['', 'secret']) {
        it(`refuses a token signed with ${JSON.stringify(secret)}`, async () => {
          await refuse(hmacToken(secret, { alg: 'HS256', kid: 'hs-key', typ: 'JWT' }), BAD_SIGNATURE);
        });
      }
      it('refuses to load an HS256 secret shorter than 32 bytes', () => {
        const shortKey = (bytes) => ({ kty: 'oct', kid: 'short', alg: 'HS256', k: crypto.randomBytes(bytes).toString('base64url') });
        assert.throws(() => authorizerFor({ keys: { keys: [shortKey(31)] } }), /shorter than 32 bytes/);
        assert.throws(() => authorizerFor({ keys: { keys: [shortKey(0)] } }), /"k" must be canonical base64url|shorter/);
        assert.doesNotThrow(() => authorizerFor({ keys: { keys: [shortKey(32)] } }));
      });
    });

    describe('11. crit and b64', () => {
      const headers = {
        'crit ["exp"]': { crit: ['exp'], exp: NOW + 3600 },
        'crit ["b64"] with b64 false': { crit: ['b64'], b64: false },
        'an empty crit': { crit: [] },
        'b64 false': { b64: false },
        'b64 true': { b64: true },
      };
      for (const [name, extra] of Object.entries(headers)) {
        it(`refuses ${name}`, async () => {
          await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'es-key', ...extra }), MALFORMED);
        });
      }
      it('refuses b64 false over an unencoded payload', async () => {
        const header = base64url(JSON.stringify({ alg: 'HS256', kid: 'hs-key', b64: false, crit: ['b64'] }));
        const payload = JSON.stringify(validClaims());
        const signature = crypto.createHmac('sha256', keys.HS256.secret).update(`${header}.${payload}`).digest('base64url');
        await expectStatus(authorize, bearerRequest(`Bearer ${header}.${payload}.${signature}`), '401');
      });
    });

    describe('12. type confusion', () => {
      it('refuses cty "JWT" (a nested token)', async () => {
        const inner = validToken('ES256');
        await refuse(signRaw(keys.ES256, JSON.stringify({ alg: 'ES256', kid: 'es-key', cty: 'JWT' }), inner), MALFORMED);
        await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'es-key', cty: 'JWT' }), MALFORMED);
      });
      it('refuses a 5-part JWE', async () => {
        const header = base64url(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'rs-key' }));
        const parts = [header, base64url(crypto.randomBytes(256)), base64url(crypto.randomBytes(12)),
          base64url(crypto.randomBytes(64)), base64url(crypto.randomBytes(16))];
        await refuse(parts.join('.'), MALFORMED);
      });
      it('refuses the JSON serialization', async () => {
        const token = validToken('ES256');
        const [protectedHeader, payload, signature] = token.split('.');
        const general = JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature }] });
        const flattened = JSON.stringify({ payload, protected: protectedHeader, signature });
        for (const serialization of [general, flattened]) {
          await expectInvalidToken(authorize, bearerRequest(`Bearer ${serialization}`), MALFORMED);
          await expectInvalidToken(authorize, queryRequest(encodeURIComponent(serialization)), MALFORMED);
        }
      });
      it('refuses a typ other than JWT', async () => {
        await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'es-key', typ: 'at+jwt' }), MALFORMED);
        await refuse(tokenWithHeader(keys.ES256, { alg: 'ES256', kid: 'es-key', typ: 7 }), MALFORMED);
      });
    });

    describe('13. wrong segment count', () => {
      const [header, payload, signature] = validToken('ES256').split('.');
      const cases = {
        '2 parts': `${header}.${payload}`,
        '4 parts': `${header}.${payload}.${signature}.${signature}`,
        'a trailing extra dot': `${header}.${payload}.${signature}.`,
        'a leading extra dot': `.${header}.${payload}.${signature}`,
        'a doubled dot': `${header}..${payload}.${signature}`,
        'one part': header,
      };
      for (const [name, token] of Object.entries(cases)) {
        it(`refuses ${name}`, async () => {
          await refuse(token, MALFORMED);
        });
      }
      it('refuses an empty token, in the query and in the header', async () => {
        await expectInvalidToken(authorize, viewerRequest({ querystring: 'authorization=' }), MALFORMED);
        await expectInvalidToken(authorize, viewerRequest({ querystring: 'authorization' }), MALFORMED);
        await expectInvalidToken(authorize, bearerRequest('Bearer '), MALFORMED);
        await expectInvalidToken(authorize, bearerRequest('Bearer'), MALFORMED);
      });
    });

    describe('14. non-canonical base64url', () => {
      // Each variant is signed as it stands, so only its encoding is wrong.
      const signSegments = (headerSegment, payloadSegment, key = keys.HS256) => {
        const signingInput = `${headerSegment}.${payloadSegment}`;
        return `${signingInput}.${key.sign(signingInput).toString('base64url')}`;
      };
      const header = base64url(JSON.stringify({ alg: 'HS256', kid: 'hs-key' }));
      // Claims chosen so the payload's standard base64 contains "+" and "/".
      const claimsWithSymbols = JSON.stringify({ ...validClaims(), note: '\u00fb\u00ef\u00bf>?~' });

      it('accepts the canonical forms of these test tokens', async () => {
        await expectForwarded(authorize, queryRequest(signSegments(header, base64url(claimsWithSymbols))));
      });
      it('refuses "+" and "/" (standard base64)', async () => {
        const standard = Buffer.from(claimsWithSymbols).toString('base64').replace(/=+$/, '');
        assert.match(standard, /[+/]/);
        await refuse(signSegments(header, standard), MALFORMED);
      });
      it('refuses "=" padding', async () => {
        const payload = base64url(JSON.stringify(validClaims()));
        const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4 || 4);
        await refuse(signSegments(header, padded), MALFORMED);
        await refuse(signSegments(`${header}==`, payload), MALFORMED);
      });
      it('refuses stray characters and whitespace', async () => {
        const payload = base64url(JSON.stringify(validClaims()));
        // U+0141 and U+4141 end in the byte of "A": read byte-wise, they would pass.
        for (const stray of ['!', '*', '$', ' ', '\t', '\n', '%20', '\u00e9', '\u0141', '\u4141']) {
          const broken = `${payload.slice(0, 8)}${stray}${payload.slice(8)}`;
          await expectInvalidToken(authorize, bearerRequest(`Bearer ${signSegments(header, broken)}`), MALFORMED);
        }
      });
      it('refuses non-zero unused trailing bits', async () => {
        let claims = validClaims();
        // Pad the claims until their encoding ends in a partial group.
        while (base64url(JSON.stringify(claims)).length % 4 === 0) {
          claims = { ...claims, pad: `${claims.pad ?? ''}x` };
        }
        const payload = base64url(JSON.stringify(claims));
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const last = alphabet.indexOf(payload.at(-1));
        const sloppy = `${payload.slice(0, -1)}${alphabet[last + 1]}`;
        assert.deepEqual(Buffer.from(sloppy, 'base64url'), Buffer.from(payload, 'base64url'));
        await refuse(signSegments(header, sloppy), MALFORMED);
        const signature = validToken('HS256').split('.')[2];
        const sloppySignature = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.at(-1)) + 1]}`;
        await refuse(`${header}.${payload}.${sloppySignature}`, MALFORMED);
      });
      it('refuses an impossible length (4n + 1 characters)', async () => {
        const payload = base64url(JSON.stringify(validClaims()));
        await refuse(signSegments(header, `${payload}${'A'.repeat(((1 - payload.length) % 4 + 4) % 4)}`), MALFORMED);
      });
    });

    describe('15. duplicate JSON keys', () => {
      const claimsText = JSON.stringify(validClaims()).slice(1, -1);
      it('refuses a duplicated alg', async () => {
        await refuse(signRaw(keys.ES256, '{"alg":"ES256","alg":"none","kid":"es-key"}', JSON.stringify(validClaims())), MALFORMED);
        await refuse(signRaw(keys.ES256, '{"alg":"none","alg":"ES256","kid":"es-key"}', JSON.stringify(validClaims())), MALFORMED);
      });
      it('refuses a duplicated kid', async () => {
        await refuse(signRaw(keys.ES256, '{"alg":"ES256","kid":"nope","kid":"es-key"}', JSON.stringify(validClaims())), MALFORMED);
      });
      it('refuses a duplicated path claim, also when spelt with escapes', async () => {
        const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
        for (const duplicate of ['"paths":["/t2/"]', '"p\\u0061ths":["/t2/"]']) {
          const payload = `{${claimsText},${duplicate}}`;
          await expectInvalidToken(authorize, queryRequest(signRaw(keys.ES256, header, payload)), INVALID_CLAIMS);
        }
      });
      it('refuses a duplicate inside a nested object', async () => {
        const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
        const payload = `{${claimsText},"ctx":{"role":"reader","role":"admin"}}`;
        await refuse(signRaw(keys.ES256, header, payload), INVALID_CLAIMS);
      });
    });

    describe('16. __proto__ and constructor keys', () => {
      const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
      const claimsText = JSON.stringify(validClaims()).slice(1, -1);
      it('a __proto__ claim grants nothing more', async () => {
        const token = signRaw(keys.ES256, header, `{${claimsText},"__proto__":{"paths":["/t2/"],"admin":true}}`);
        await expectForwarded(authorize, queryRequest(token, { uri: '/t1/x' }));
        await expectStatus(authorize, queryRequest(token, { uri: '/t2/x' }), '403');
      });
      it('a path claim supplied only through __proto__ or constructor does not count', async () => {
        const { paths: _, ...withoutPaths } = validClaims();
        const rest = JSON.stringify(withoutPaths).slice(1, -1);
        for (const carrier of ['"__proto__":{"paths":["/t1/"]}', '"constructor":{"prototype":{"paths":["/t1/"]}}']) {
          await refuse(signRaw(keys.ES256, header, `{${rest},${carrier}}`), INVALID_CLAIMS);
        }
      });
      it('a header whose alg and kid come only through __proto__ is refused', async () => {
        await refuse(signRaw(keys.ES256, '{"__proto__":{"alg":"ES256","kid":"es-key"}}', JSON.stringify(validClaims())), UNKNOWN_KEY);
      });
      it('__proto__ and constructor keys in the header change nothing', async () => {
        const token = signRaw(keys.ES256, '{"alg":"ES256","kid":"es-key","__proto__":{"alg":"none"},"constructor":1}',
          JSON.stringify(validClaims()));
        await expectForwarded(authorize, queryRequest(token));
      });
      it('never pollutes Object.prototype', async () => {
        const token = signRaw(keys.ES256, header, `{${claimsText},"__proto__":{"polluted":true}}`);
        await authorize(queryRequest(token));
        assert.equal({}.polluted, undefined);
        assert.equal(Object.prototype.paths, undefined);
      });
    });

    describe('17. header or payload that is not a JSON object', () => {
      const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
      for (const text of ['null', '[]', '"a string"', '123', 'true', '']) {
        it(`refuses a header of ${JSON.stringify(text)}`, async () => {
          await refuse(signRaw(keys.ES256, text, JSON.stringify(validClaims())), MALFORMED);
        });
        it(`refuses a payload of ${JSON.stringify(text)}`, async () => {
          await refuse(signRaw(keys.ES256, header, text), INVALID_CLAIMS);
        });
      }
      it('refuses invalid UTF-8 in the payload and in the header', async () => {
        const claims = Buffer.from(JSON.stringify(validClaims({ sub: 'XX' })));
        const invalid = Buffer.from(claims.toString('latin1').replace('XX', '\xff\xfe'), 'latin1');
        await refuse(signRaw(keys.ES256, header, invalid), INVALID_CLAIMS);
        const overlong = Buffer.from(claims.toString('latin1').replace('XX', '\xc0\xae'), 'latin1');
        await refuse(signRaw(keys.ES256, header, overlong), INVALID_CLAIMS);
        const invalidHeader = Buffer.concat([Buffer.from('{"alg":"ES256","kid":"es-key","x":"'), Buffer.from([0xff]), Buffer.from('"}')]);
        await refuse(signRaw(keys.ES256, invalidHeader, JSON.stringify(validClaims())), MALFORMED);
      });
      it('refuses a payload with a byte-order mark', async () => {
        await refuse(signRaw(keys.ES256, header, `\ufeff${JSON.stringify(validClaims())}`), INVALID_CLAIMS);
      });
    });

    describe('18. signature before claims', () => {
      it('an expired token with a bad signature is reported as a bad signature', async () => {
        const expired = validToken('ES256', { exp: NOW - 3600 });
        await refuse(withSignature(expired, signatureOf(validToken('ES256'))), BAD_SIGNATURE);
        await refuse(expired, 'token expired');
      });
    });

    describe('19. exp', () => {
      it('refuses a token without exp', async () => {
        const { exp: _, ...claims } = validClaims();
        await refuse(signToken(keys.ES256, claims), INVALID_CLAIMS);
      });
      it('refuses exp == now', async () => {
        const exact = authorizerFor({ clockSkewSeconds: 0 });
        await expectInvalidToken(exact, queryRequest(validToken('ES256', { exp: NOW })), 'token expired');
      });
      const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
      const withExp = (expText) => {
        const { exp: _, ...claims } = validClaims();
        return signRaw(keys.ES256, header, `${JSON.stringify(claims).slice(0, -1)},"exp":${expText}}`);
      };
      for (const [name, text] of Object.entries({
        'a string': `"${NOW + 3600}"`,
        '1e309 (Infinity)': '1e309',
        '-1e309': '-1e309',
        'null': 'null',
        'a boolean': 'true',
        'an array': `[${NOW + 3600}]`,
        'an object': '{}',
      })) {
        it(`refuses exp as ${name}`, async () => {
          await refuse(withExp(text), INVALID_CLAIMS);
        });
      }
      it('refuses exp as NaN (not JSON at all)', async () => {
        await refuse(withExp('NaN'), INVALID_CLAIMS);
      });
      it('refuses a negative exp', async () => {
        await refuse(withExp('-1'), 'token expired');
      });
    });

    describe('20. nbf, iat and maximum token age', () => {
      it('refuses nbf in the future', async () => {
        await refuse(validToken('ES256', { nbf: NOW + 3600 }), 'token not yet valid');
      });
      it('refuses iat in the future', async () => {
        await refuse(validToken('ES256', { iat: NOW + 3600 }), 'token issued in the future');
      });
      it('refuses nbf or iat that are not numbers', async () => {
        await refuse(validToken('ES256', { nbf: String(NOW) }), INVALID_CLAIMS);
        await refuse(validToken('ES256', { iat: null }), INVALID_CLAIMS);
      });
      const aged = authorizerFor({ maxTokenAgeSeconds: 3600 });
      it('with maxTokenAgeSeconds, refuses a token valid until the year 3000', async () => {
        await expectInvalidToken(aged, queryRequest(validToken('ES256', { iat: NOW, exp: 32503680000 })),
          'token lifetime longer than allowed');
        await expectForwarded(authorize, queryRequest(validToken('ES256', { iat: NOW, exp: 32503680000 })));
      });
      it('with maxTokenAgeSeconds, refuses a token issued too long ago and one without iat', async () => {
        await expectInvalidToken(aged, queryRequest(validToken('ES256', { iat: NOW - 7200, exp: NOW + 60 })),
          'token lifetime longer than allowed');
        const { iat: _, ...claims } = validClaims();
        await expectInvalidToken(aged, queryRequest(signToken(keys.ES256, claims)), INVALID_CLAIMS);
      });
      it('with maxTokenAgeSeconds, accepts a token within the limits', async () => {
        await expectForwarded(aged, queryRequest(validToken('ES256', { iat: NOW - 60, exp: NOW + 3000 })));
      });
    });

    describe('21. clock skew boundaries', () => {
      const skew = 30;
      const skewed = authorizerFor({ clockSkewSeconds: skew });
      it('exp: refused at now - skew, accepted one second later', async () => {
        await expectInvalidToken(skewed, queryRequest(validToken('ES256', { exp: NOW - skew })), 'token expired');
        await expectForwarded(skewed, queryRequest(validToken('ES256', { exp: NOW - skew + 1 })));
      });
      it('nbf: accepted at now + skew, refused one second later', async () => {
        await expectForwarded(skewed, queryRequest(validToken('ES256', { nbf: NOW + skew })));
        await expectInvalidToken(skewed, queryRequest(validToken('ES256', { nbf: NOW + skew + 1 })), 'token not yet valid');
      });
      it('iat: accepted at now + skew, refused one second later', async () => {
        await expectForwarded(skewed, queryRequest(validToken('ES256', { iat: NOW + skew })));
        await expectInvalidToken(skewed, queryRequest(validToken('ES256', { iat: NOW + skew + 1 })), 'token issued in the future');
      });
      it('maximum age: a lifetime (exp - iat) of exactly maxTokenAge is accepted, one second more refused', async () => {
        const aged = authorizerFor({ clockSkewSeconds: skew, maxTokenAgeSeconds: 600 });
        await expectForwarded(aged, queryRequest(validToken('ES256', { iat: NOW - 500, exp: NOW + 100 })));
        await expectInvalidToken(aged, queryRequest(validToken('ES256', { iat: NOW - 500, exp: NOW + 101 })),
          'token lifetime longer than allowed');
      });
      it('maximum age: a token is used at most maxTokenAge + skew after iat', async () => {
        const aged = authorizerFor({ clockSkewSeconds: skew, maxTokenAgeSeconds: 600 });
        await expectForwarded(aged, queryRequest(validToken('ES256', { iat: NOW - 600 - skew + 1, exp: NOW - skew + 1 })));
        await expectInvalidToken(aged, queryRequest(validToken('ES256', { iat: NOW - 600 - skew, exp: NOW - skew })), 'token expired');
      });
      it('without skew, exp is refused at now and accepted a second later', async () => {
        const exact = authorizerFor({ clockSkewSeconds: 0 });
        await expectInvalidToken(exact, queryRequest(validToken('ES256', { exp: NOW })), 'token expired');
        await expectForwarded(exact, queryRequest(validToken('ES256', { exp: NOW + 1 })));
      });
    });

    describe('22. iss and aud', () => {
      for (const [name, iss] of Object.entries({
        'another issuer': 'https://evil.example.com',
        'a trailing slash': 'https://auth.example.com/',
        'another case': 'https://AUTH.example.com',
        'an array': ['https://auth.example.com'],
        'a number': 1,
        'missing': undefined,
      })) {
        it(`refuses iss that is ${name}`, async () => {
          await refuse(validToken('ES256', { iss }), 'wrong issuer');
        });
      }
      for (const [name, aud] of Object.entries({
        'another audience': 'other-assets',
        'an empty array': [],
        'an array without ours': ['other-assets', 'more-assets'],
        'an array with ours and a non-string': ['team-assets', 5],
        'a number': 5,
        'null': null,
        'an object': { aud: 'team-assets' },
        'missing': undefined,
        'ours in another case': 'Team-Assets',
      })) {
        it(`refuses aud that is ${name}`, async () => {
          await refuse(validToken('ES256', { aud }), 'wrong audience');
        });
      }
      it('accepts aud as an array of strings containing ours', async () => {
        await expectForwarded(authorize, queryRequest(validToken('ES256', { aud: ['other-assets', 'team-assets'] })));
      });
    });

    describe('23. where the token comes from', () => {
      const token = validToken('ES256');
      const withHeaders = (querystring, values) => viewerRequest({
        querystring,
        headers: { authorization: values.map((value) => ({ key: 'Authorization', value })) },
      });
      it('refuses a token in both the header and the query with 400', async () => {
        await expectStatus(authorize, withHeaders(`authorization=${token}`, [`Bearer ${token}`]), '400');
      });
      it('refuses a repeated authorization parameter with 400, also when one is percent-encoded', async () => {
        await expectStatus(authorize, viewerRequest({ querystring: `authorization=${token}&authorization=${token}` }), '400');
        await expectStatus(authorize, viewerRequest({ querystring: `authorization=${token}&authorization=` }), '400');
        await expectStatus(authorize, viewerRequest({ querystring: `authorization=${token}&authoriz%61tion=x` }), '400');
      });
      it('refuses several Authorization headers with 400', async () => {
        await expectStatus(authorize, withHeaders('', [`Bearer ${token}`, `Bearer ${token}`]), '400');
        await expectStatus(authorize, withHeaders('', [`Bearer ${token}`, 'Basic dXNlcjpwYXNz']), '400');
      });
      it('treats the Bearer scheme case-insensitively', async () => {
        for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
          await expectForwarded(authorize, bearerRequest(`${scheme} ${token}`));
        }
      });
      it('treats Basic and other schemes as no bearer token (401 challenge), and with a query token as two credentials (400)', async () => {
        const result = await expectStatus(authorize, bearerRequest('Basic dXNlcjpwYXNzd29yZA=='), '401');
        assert.equal(challengeOf(result), 'Bearer');
        await expectStatus(authorize, bearerRequest(`Token ${token}`), '401');
        await expectStatus(authorize, withHeaders(`authorization=${token}`, ['Basic dXNlcjpwYXNzd29yZA==']), '400');
      });
      it('answers a request without any credential with a bare Bearer challenge', async () => {
        const result = await expectStatus(authorize, viewerRequest({ querystring: 'v=1' }), '401');
        assert.equal(challengeOf(result), 'Bearer');
      });
      it('does not read a differently named parameter as the token', async () => {
        await expectStatus(authorize, viewerRequest({ querystring: `Authorization=${token}` }), '401');
        await expectStatus(authorize, viewerRequest({ querystring: `token=${token}` }), '401');
      });
    });

    describe('24. the token never reaches the origin', () => {
      const token = validToken('ES256');
      const cases = {
        'in the middle': [`a=1&authorization=${token}&b=%20x+y&c=&d&e=%E2%9C%93&a=2`, 'a=1&b=%20x+y&c=&d&e=%E2%9C%93&a=2'],
        first: [`authorization=${token}&z=9&y=8`, 'z=9&y=8'],
        last: [`z=9&y=8&authorization=${token}`, 'z=9&y=8'],
        alone: [`authorization=${token}`, ''],
        'beside empty parts': [`x=1&&authorization=${token}&&y=%2F`, 'x=1&&&y=%2F'],
      };
      for (const [name, [querystring, expected]] of Object.entries(cases)) {
        it(`strips the token ${name}, keeping every other byte in order`, async () => {
          const request = viewerRequest({ querystring });
          await expectForwarded(authorize, request);
          assert.equal(request.querystring, expected);
          assert.ok(!JSON.stringify(request).includes(token));
        });
      }
      it('removes the Authorization header', async () => {
        const request = bearerRequest(`Bearer ${token}`);
        request.querystring = 'v=3';
        await expectForwarded(authorize, request);
        assert.equal(request.headers.authorization, undefined);
        assert.equal(request.querystring, 'v=3');
        assert.ok(!JSON.stringify(request).includes(token));
      });
    });

    describe('25. path traversal and confusion', () => {
      const token = validToken('ES256', { paths: ['/t1/'] });
      const malformed = [
        '/t1/../t2/x',
        '/t1/%2e%2e/t2/x',
        '/t1/%2E%2E/t2/x',
        '/t1/.%2e/t2/x',
        '/t1%2f..%2ft2/x',
        '/t1%2F..%2Ft2/x',
        '/t1/..%5ct2/x',
        '/t1/..%5Ct2/x',
        '/t1/..\\t2/x',
        '//t2/x',
        '/t1//x',
        '/t1/./x',
        '/t1/%2e/x',
        '/t1/.',
        '/t1/..',
        '/t1/%252e%252e/t2/x',
        '/t1/%25',
        '/t1/%c0%ae%c0%ae/t2/x',
        '/t1/%e0%80%ae',
        '/t1/%ff',
        '/t1/x%00.png',
        '/t1/x%zz',
        '/t1/x%4',
        '/t1/x%',
        '/t1/caf\u00e9.png',
        '/t1/x y',
        't1/x',
        '',
      ];
      for (const uri of malformed) {
        it(`refuses ${JSON.stringify(uri)} with 400`, async () => {
          await expectStatus(authorize, queryRequest(token, { uri }), '400');
        });
      }
      it('refuses an invalid percent sequence (URIError) with 400', async () => {
        assert.throws(() => decodeURIComponent('/t1/%c0%ae'), URIError);
        await expectStatus(authorize, queryRequest(token, { uri: '/t1/%c0%ae' }), '400');
      });
      const ungranted = {
        '"/t1" must not grant "/t10/..."': ['/t1', '/t10/x'],
        'case is not folded': ['/t1/', '/T1/x'],
        'a percent-encoded character is not decoded': ['/t1/', '/t%31/x'],
        'a Unicode look-alike is not normalized': ['/t1/', '/t%EF%BC%91/x'],
        'a prefix without a leading slash grants nothing': ['t1/', '/t1/x'],
        'an empty prefix grants nothing': ['', '/t1/x'],
      };
      for (const [name, [prefix, uri]] of Object.entries(ungranted)) {
        it(`${name} (403)`, async () => {
          await expectStatus(authorize, queryRequest(validToken('ES256', { paths: [prefix] }), { uri }), '403');
        });
      }
      it('grants at a "/" boundary', async () => {
        for (const [prefix, uri] of [['/t1', '/t1/x'], ['/t1/', '/t1/x'], ['/t1', '/t1'], ['/', '/t9/x'], ['/t1/a', '/t1/a/b.png']]) {
          await expectForwarded(authorize, queryRequest(validToken('ES256', { paths: [prefix] }), { uri }));
        }
      });
      it('refuses a path claim that is not a list of strings', async () => {
        for (const paths of ['/t1/', [1], [null], { 0: '/t1/' }, undefined]) {
          await refuse(validToken('ES256', { paths }), INVALID_CLAIMS);
        }
      });
    });

    describe('26. size limits', () => {
      const oversized = (length) => {
        const token = validToken('ES256', { filler: 'x'.repeat(length) });
        return token.length > length ? token : oversized(length * 2);
      };
      it('refuses a token over 4 KB before decoding anything', async (t) => {
        const request = queryRequest(oversized(4097));
        const spies = [t.mock.method(Buffer, 'from'), t.mock.method(Buffer.prototype, 'write'), t.mock.method(JSON, 'parse')];
        // The handler runs synchronously, so its work is done before the spies go.
        const pending = authorize(request);
        t.mock.restoreAll();
        for (const spy of spies) {
          assert.equal(spy.mock.callCount(), 0);
        }
        assert.equal((await pending).status, '401');
        await expectInvalidToken(authorize, request, MALFORMED);
      });
      it('accepts a token of exactly 4096 characters and refuses 4097', async () => {
        // Base64url never has 4n + 1 characters, so the header varies too.
        const sized = (length) => {
          for (const header of [{}, { x: 'a' }, { x: 'ab' }, { x: 'abc' }]) {
            for (let filler = length - validToken('ES256', { filler: '' }, header).length; filler > 0; filler--) {
              const token = validToken('ES256', { filler: 'x'.repeat(filler) }, header);
              if (token.length === length) {
                return token;
              }
            }
          }
          throw new Error(`no token of length ${length}`);
        };
        await expectForwarded(authorize, queryRequest(sized(4096)));
        await expectInvalidToken(authorize, queryRequest(sized(4097)), MALFORMED);
      });
      it('refuses an 8 KB token', async () => {
        await refuse(oversized(8192), MALFORMED);
      });
      it('refuses deeply nested arrays that fit in 4 KB', async () => {
        const header = JSON.stringify({ alg: 'ES256', kid: 'es-key' });
        const claimsText = JSON.stringify(validClaims()).slice(0, -1);
        const nested = `${'['.repeat(1000)}${']'.repeat(1000)}`;
        const token = signRaw(keys.ES256, header, `${claimsText},"deep":${nested}}`);
        assert.ok(token.length <= 4096);
        await refuse(token, INVALID_CLAIMS);
        await refuse(signRaw(keys.ES256, `${header.slice(0, -1)},"deep":${'['.repeat(600)}${']'.repeat(600)}}`,
          JSON.stringify(validClaims())), MALFORMED);
      });
      it('refuses 10,000 claims', async () => {
        const claims = validClaims();
        for (let i = 0; i < 10000; i++) {
          claims[`c${i}`] = i;
        }
        await refuse(signToken(keys.ES256, claims), MALFORMED);
      });
    });
  });
}
