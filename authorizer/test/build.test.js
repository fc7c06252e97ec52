'use strict';

// edge/index.js is generated from src/ and committed, because the operator
// ships it as it is: it must be exactly what the build makes of src/ now.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { buildEdge, EDGE_FILE } = require('../scripts/build');

describe('edge/index.js', () => {
  it('is what `npm run build` makes of src/', async () => {
    const built = await buildEdge();
    const committed = fs.existsSync(EDGE_FILE) ? fs.readFileSync(EDGE_FILE) : Buffer.alloc(0);
    assert.ok(built.equals(committed),
      'edge/index.js is stale or edited by hand: run `npm run build` in authorizer/ and commit edge/index.js');
  });
  it('is built the same way every time', async () => {
    const [first, second] = await Promise.all([buildEdge(), buildEdge()]);
    assert.ok(first.equals(second));
  });
});
