'use strict';

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fc = require('fast-check');
const { decodeUtf8Strict, parseJsonObjectStrict } = require('../src/strict-json');
const { decodeBase64UrlStrict } = require('../src/jws');

const parse = (text) => parseJsonObjectStrict(text);

describe('strict JSON objects', () => {
  it('parses objects as JSON.parse does', () => {
    for (const text of ['{}', '{"a":1}', ' {"a" : [1,{"b":"c"}], "d":{"e":null}} ', '{"a\\"b":"\\\\","c":"\\""}',
      '{"k":"\\u0061","\\u0062":true}', '{"a":"}:{\\"x\\":"}', '{"":0}', '{"a":[{"x":1},{"x":2}]}']) {
      assert.deepEqual(parse(text), JSON.parse(text), text);
    }
  });
  it('refuses duplicate keys however they are spelt or nested', () => {
    for (const text of ['{"a":1,"a":2}', '{"a":1,"\\u0061":2}', '{"a\\"b":1,"a\\u0022b":2}',
      '{"x":{"a":1,"a":1}}', '{"x":[{"a":1,"a":1}]}', '{"__proto__":1,"__proto__":2}', '{"a":"\\\\","a":1}',
      '{"a" :1, "a"\n:2}']) {
      assert.equal(parse(text), null, text);
    }
  });
  it('refuses anything but an object', () => {
    for (const text of ['null', '[]', '[{}]', '"s"', '1', 'true', '', ' ', '{', '{"a":1}x', '{"a":NaN}', "{'a':1}"]) {
      assert.equal(parse(text), null, text);
    }
  });
  it('parses any Unicode text', () => {
    assert.deepEqual(parse('{"\u00e9":"\u2713\ufffd"}'), { '\u00e9': '\u2713\ufffd' });
  });
  it('refuses nesting deeper than 16 levels', () => {
    const nested = (depth) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    assert.notEqual(parse(nested(16)), null);
    assert.equal(parse(nested(17)), null);
  });
  it('keeps __proto__ an own property', () => {
    const parsed = parse('{"__proto__":{"polluted":true}}');
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.equal({}.polluted, undefined);
  });
  it('refuses exactly the objects a reference detector finds duplicates in', () => {
    // Random trees of objects, arrays and leaves, with keys that collide
    // only after unescaping and strings that look like keys.
    const key = fc.constantFrom('a', 'b', '\\u0061', 'a\\"', 'a\\u0022', '__proto__', ':', '\\\\');
    const leaf = fc.constantFrom('1', '"x"', '"\\":"', 'null', '"a\\":1,"');
    const { object } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
      array: fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ items })),
      object: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((members) => ({ members })),
    }));
    const render = (node) => {
      if (typeof node === 'string') {
        return node;
      }
      if (node.items) {
        return `[${node.items.map(render).join(',')}]`;
      }
      return `{${node.members.map(([name, child]) => `"${name}" : ${render(child)}`).join(', ')}}`;
    };
    const hasDuplicate = (node) => {
      if (typeof node === 'string') {
        return false;
      }
      if (node.items) {
        return node.items.some(hasDuplicate);
      }
      const names = node.members.map(([name]) => JSON.parse(`"${name}"`));
      return new Set(names).size !== names.length || node.members.some(([, child]) => hasDuplicate(child));
    };
    fc.assert(fc.property(object, (tree) => {
      const text = render(tree);
      if (hasDuplicate(tree)) {
        assert.equal(parse(text), null, text);
      } else {
        assert.deepEqual(parse(text), JSON.parse(text), text);
      }
    }), { numRuns: 1000 });
  });
});

describe('strict UTF-8', () => {
  it('refuses invalid UTF-8', () => {
    for (const bytes of [[0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d], [0xc0, 0xae], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      assert.equal(decodeUtf8Strict(Buffer.from(bytes)), null, String(bytes));
    }
  });
  it('decodes valid UTF-8, U+FFFD itself included', () => {
    for (const text of ['{"\u00e9":"\u2713"}', '\ufffd', 'a\ufffdb\u{1f600}', '']) {
      assert.equal(decodeUtf8Strict(Buffer.from(text)), text);
    }
  });
  it('agrees with a decoder that throws on invalid input', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0x41, 0xef, 0xbf, 0xbd)), { maxLength: 12 });
    fc.assert(fc.property(bytes, (values) => {
      const buffer = Buffer.from(values);
      let expected;
      try {
        expected = fatal.decode(buffer);
      } catch {
        expected = null;
      }
      assert.equal(decodeUtf8Strict(buffer), expected);
    }), { numRuns: 2000 });
  });
});

describe('strict base64url', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const reference = (segment) => {
    if (!/^[A-Za-z0-9_-]*$/.test(segment)) {
      return null;
    }
    const bytes = Buffer.from(segment, 'base64url');
    return bytes.toString('base64url') === segment ? bytes : null;
  };
  it('is exactly the regex plus re-encode check', () => {
    // U+0141 and U+4141 end in the byte of "A": they catch a decoder that
    // reads only the low byte of a character.
    const segment = fc.string({
      unit: fc.constantFrom(...alphabet, '=', '+', '/', ' ', '.', '%', '\u00e9', '\u0141', '\u4141', '\u{1f600}'),
      maxLength: 12,
    });
    fc.assert(fc.property(segment, (text) => {
      assert.deepEqual(decodeBase64UrlStrict(text), reference(text));
    }), { numRuns: 3000 });
  });
  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const encoded = Buffer.from(bytes).toString('base64url');
      assert.deepEqual(decodeBase64UrlStrict(encoded), Buffer.from(bytes));
    }), { numRuns: 500 });
  });
  it('checks the unused bits of every last character', () => {
    for (const length of [2, 3, 4, 6, 7]) {
      for (const last of alphabet) {
        const segment = `${'A'.repeat(length - 1)}${last}`;
        assert.deepEqual(decodeBase64UrlStrict(segment), reference(segment), segment);
      }
    }
  });
});
