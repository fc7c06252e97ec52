'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { signedHeaders, authorizationHeader } = require('../src/sigv4');

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// The AWS Signature Version 4 test suite's example credentials and time.
const SUITE = {
  service: 'service',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  amzDate: '20150830T123600Z',
  payloadHash: EMPTY_SHA256,
};

function suiteSignature(method, url) {
  return authorizationHeader({
    ...SUITE,
    method,
    url: new URL(url),
    headers: { host: 'example.amazonaws.com', 'x-amz-date': SUITE.amzDate },
  });
}

test('SigV4 test suite: get-vanilla', () => {
  assert.equal(suiteSignature('GET', 'https://example.amazonaws.com/'),
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
    + 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
});

test('SigV4 test suite: get-vanilla-query-order-key-case sorts the query', () => {
  assert.match(suiteSignature('GET', 'https://example.amazonaws.com/?Param2=value2&Param1=value1'),
    /Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/);
});

test('SigV4 test suite: post-vanilla', () => {
  assert.match(suiteSignature('POST', 'https://example.amazonaws.com/'),
    /Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b$/);
});

test('S3 documentation example "GET Object": range header, x-amz-content-sha256', () => {
  const headers = signedHeaders({
    method: 'GET',
    url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
    headers: { range: 'bytes=0-9' },
    service: 's3',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    now: new Date('2013-05-24T00:00:00Z'),
  });

  assert.equal(headers['x-amz-date'], '20130524T000000Z');
  assert.equal(headers['x-amz-content-sha256'], EMPTY_SHA256);
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
    + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, '
    + 'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
});

test('temporary credentials sign their session token', () => {
  const headers = signedHeaders({
    method: 'GET',
    url: new URL('http://127.0.0.1:5000/2015-03-31/functions/f'),
    service: 'lambda',
    region: 'us-east-1',
    credentials: { accessKeyId: 'ASIA', secretAccessKey: 'secret', sessionToken: 'token' },
  });

  assert.equal(headers['x-amz-security-token'], 'token');
  assert.match(headers.authorization, /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
  assert.equal(headers['x-amz-content-sha256'], undefined);
});
