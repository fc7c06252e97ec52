'use strict';

// Builds edge/index.js, the one file the operator ships: src/ bundled and
// minified by esbuild (a pinned dev dependency). src/ stays the source of
// truth; one small file loads faster and zips smaller than nine commented
// modules. The output depends only on src/ and the esbuild version, so a test
// can tell when the committed file is stale.

const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const AUTHORIZER_DIR = path.join(__dirname, '..');
const SOURCE_DIR = path.join(AUTHORIZER_DIR, 'src');
const EDGE_FILE = path.join(AUTHORIZER_DIR, 'edge', 'index.js');

// esbuild gives every CommonJS module a wrapper function, which V8 compiles
// on its own at load (about a fifth of the load time here); ES modules it
// merges into one scope. src/ keeps CommonJS (the tests and Node load it as
// it is) in one fixed form, so each module is read as the ES module it
// spells: `const { a, b } = require('m');` is `import { a, b } from 'm';` and
// `module.exports = { a, b };` is `export { a, b };`. Any other use of
// require or exports fails the build rather than change meaning. Node
// built-ins are imported by name, as esbuild wraps a whole-module import in
// a copy of every export.
const REQUIRE = /^const (\{[\w\s,]+\}) = require\(('[\w./-]+')\);$/gm;
const EXPORTS = /^module\.exports = (\{[\w\s,]+\});$/m;
const COMMONJS_LEFT = /\brequire\s*\(|\bmodule\.exports\b|\bexports\./;

function asEsModule(file, text) {
  const rewritten = text
    .replace(/^'use strict';\n/, '')
    .replace(REQUIRE, 'import $1 from $2;')
    .replace(EXPORTS, 'export $1;');
  if (COMMONJS_LEFT.test(rewritten.replace(/\/\/.*$/gm, ''))) {
    const name = path.relative(AUTHORIZER_DIR, file);
    throw new Error(`${name}: require or exports in a form the build cannot read as an ES module`);
  }
  return rewritten;
}

const commonJsAsEsModules = {
  name: 'commonjs-as-es-modules',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (path.dirname(args.path) !== SOURCE_DIR) {
        throw new Error(`only src/ is bundled, not ${args.path}`);
      }
      return { contents: asEsModule(args.path, fs.readFileSync(args.path, 'utf8')), loader: 'js' };
    });
  },
};

// index.js still reads config.json from its own folder (__dirname is left
// alone for Node), so the built file is used exactly as src/index.js is. The
// banner keeps the strict mode the ES modules had.
const OPTIONS = {
  absWorkingDir: AUTHORIZER_DIR,
  entryPoints: ['src/index.js'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  banner: { js: "// Built from authorizer/src by `npm run build`; edit src/, not this file.\n'use strict';" },
  plugins: [commonJsAsEsModules],
  write: false,
  logLevel: 'silent',
};

// Resolves to the bytes edge/index.js must hold.
async function buildEdge() {
  const { outputFiles } = await esbuild.build({ ...OPTIONS, outfile: EDGE_FILE });
  return Buffer.from(outputFiles[0].contents);
}

module.exports = { buildEdge, EDGE_FILE };

if (require.main === module) {
  buildEdge().then((bytes) => {
    fs.mkdirSync(path.dirname(EDGE_FILE), { recursive: true });
    fs.writeFileSync(EDGE_FILE, bytes);
    console.log(`${path.relative(process.cwd(), EDGE_FILE)}: ${bytes.length} bytes`);
  }, (error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
