// Offline syntax check of Bicep files: parses each file with the tree-sitter Bicep grammar (WebAssembly, no native
// build, no network) and prints file:line:col of every ERROR or MISSING node. The Bicep CLI cannot be installed on
// the build machines, so this catches syntax slips (a lost brace, a stray comma) before `az deployment` does.
//
// Usage: node check.mjs [PATH...]   PATH is a .bicep file or a folder searched recursively; default: the bicep/
// folder this script lives in. Exit code 0 when every file parses clean, 1 on a syntax error or when no file is found.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'web-tree-sitter';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function bicepFiles(path) {
  if (statSync(path).isFile()) {
    return path.endsWith('.bicep') ? [path] : [];
  }

  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => bicepFiles(join(path, entry.name)))
    .sort();
}

// web-tree-sitter 0.22 exposes these flags as methods although its typings declare properties.
function flag(node, name) {
  const value = node[name];
  return typeof value === 'function' ? value.call(node) : value;
}

function* problems(node) {
  if (node.type === 'ERROR' || flag(node, 'isMissing')) {
    yield node;
    // An ERROR node's children are the tokens it swallowed; reporting them too would only repeat the position.
    return;
  }

  if (!flag(node, 'hasError')) {
    return;
  }

  for (const child of node.children) {
    yield* problems(child);
  }
}

function describe(node) {
  if (flag(node, 'isMissing')) {
    return `missing ${node.type}`;
  }

  const firstLine = node.text.split('\n', 1)[0];
  const text = firstLine.length > 40 ? `${firstLine.slice(0, 40)}...` : firstLine;
  return `syntax error near ${JSON.stringify(text)}`;
}

await Parser.init();
const bicep = await Parser.Language.load(join(dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm'));
const parser = new Parser();
parser.setLanguage(bicep);

const roots = process.argv.length > 2 ? process.argv.slice(2).map((path) => resolve(path)) : [resolve(here, '..')];
const files = roots.flatMap(bicepFiles);
if (files.length === 0) {
  console.error(`bicep check: no .bicep file under ${roots.join(', ')}`);
  process.exit(1);
}

let errors = 0;
for (const file of files) {
  const tree = parser.parse(readFileSync(file, 'utf8'));
  for (const node of problems(tree.rootNode)) {
    const { row, column } = node.startPosition;
    console.error(`${relative(process.cwd(), file)}:${row + 1}:${column + 1}: ${describe(node)}`);
    errors++;
  }

  tree.delete();
}

console.log(`bicep check: ${files.length} file(s), ${errors} syntax error(s)`);
process.exit(errors === 0 ? 0 : 1);
