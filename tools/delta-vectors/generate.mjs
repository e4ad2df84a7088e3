// Writes quill-delta test vectors (JSON lines) for the Java Delta algebra to replay.
// Output is deterministic for a given SEED and quill-delta version.
import Delta from 'quill-delta';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 0x59a7a0;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'test', 'resources', 'delta-vectors');

function mulberry32(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];

const FRAGMENTS = [
  'a', 'b', 'c', 'hello', ' ', 'world', 'x y', '\n', '\n', '\n\n',
  '你好', '世界', '编辑', '文字', 'é', 'ß', '😀', '🎉', '👍🏽', '𝒳', '𠀋',
];
const BMP_FRAGMENTS = FRAGMENTS.filter((f) => !/[\uD800-\uDFFF]/.test(f));

const FORMATS = [
  ['bold', true], ['italic', true], ['header', 1], ['header', 2],
  ['list', 'ordered'], ['list', 'bullet'], ['link', 'https://example.org/a'],
  ['link', 'https://example.org/b'], ['color', '#cc0000'], ['indent', 1], ['lineHeight', 1.5],
];

function randomText(maxPieces, fragments = FRAGMENTS) {
  let text = '';
  const pieces = 1 + below(maxPieces);
  for (let i = 0; i < pieces; i++) text += pick(fragments);
  return text;
}

function randomAttributes(allowNull, probability = 0.5) {
  if (random() >= probability) return undefined;
  const attributes = {};
  const count = 1 + below(3);
  for (let i = 0; i < count; i++) {
    const [key, value] = pick(FORMATS);
    attributes[key] = allowNull && random() < 0.3 ? null : value;
  }
  return attributes;
}

function randomDocument() {
  const doc = new Delta();
  const runs = below(6);
  for (let i = 0; i < runs; i++) doc.insert(randomText(4), randomAttributes(false));
  if (random() < 0.7) doc.insert('\n', randomAttributes(false, 0.3));
  return doc;
}

function plainText(doc) {
  return doc.ops.map((op) => op.insert).join('');
}

const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;

// A change that applies to `doc` and never cuts a surrogate pair in it.
function randomChange(doc) {
  const text = plainText(doc);
  const change = new Delta();
  let position = 0;
  const steps = 1 + below(4);
  for (let i = 0; i < steps; i++) {
    const roll = random();
    if (roll < 0.35 || position >= text.length) {
      change.insert(randomText(3), randomAttributes(false));
      continue;
    }
    let end = position + 1 + below(Math.min(text.length - position, 8));
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end += 1;
    const length = end - position;
    if (roll < 0.6) change.delete(length);
    else if (roll < 0.8) change.retain(length);
    else change.retain(length, randomAttributes(true, 1));
    position = end;
  }
  if (random() < 0.3 && position < text.length) change.retain(text.length - position);
  return change;
}

// An arbitrary change with no relation to any document, to exercise length mismatches.
function randomFreeDelta() {
  const delta = new Delta();
  const steps = 1 + below(6);
  for (let i = 0; i < steps; i++) {
    const roll = random();
    if (roll < 0.35) delta.insert(randomText(3, BMP_FRAGMENTS), randomAttributes(false));
    else if (roll < 0.6) delta.delete(1 + below(10));
    else delta.retain(1 + below(10), randomAttributes(true));
  }
  return delta;
}

const files = { compose: [], transform: [], 'transform-position': [], apply: [] };

for (let i = 0; i < 2000; i++) {
  const doc = randomDocument();
  const a = randomChange(doc);
  const b = randomChange(doc.compose(a));
  files.compose.push({ a, b, expected: a.compose(b) });
}
for (let i = 0; i < 1000; i++) {
  const a = randomFreeDelta();
  const b = randomFreeDelta();
  files.compose.push({ a, b, expected: a.compose(b) });
}

for (let i = 0; i < 3000; i++) {
  let doc = randomDocument();
  const document = doc;
  const changes = [];
  const count = i % 4 === 0 ? 2 + below(3) : 1;
  for (let c = 0; c < count; c++) {
    const change = randomChange(doc);
    changes.push(change);
    doc = doc.compose(change);
  }
  files.apply.push({ document, changes, expected: doc });
}

for (let i = 0; i < 2000; i++) {
  const free = i >= 1500;
  const doc = randomDocument();
  const a = free ? randomFreeDelta() : randomChange(doc);
  const b = free ? randomFreeDelta() : randomChange(doc);
  for (const priority of [true, false]) {
    files.transform.push({ a, b, priority, expected: a.transform(b, priority) });
  }
}

for (let i = 0; i < 2000; i++) {
  const delta = i % 3 === 0 ? randomFreeDelta() : randomChange(randomDocument());
  const index = below(delta.length() + 3);
  const priority = random() < 0.5;
  files['transform-position'].push({ delta, index, priority, expected: delta.transformPosition(index, priority) });
}

mkdirSync(OUT_DIR, { recursive: true });
for (const [name, cases] of Object.entries(files)) {
  const body = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  writeFileSync(join(OUT_DIR, `${name}.jsonl`), body);
  console.log(`${name}.jsonl: ${cases.length} cases, ${body.length} characters`);
}
