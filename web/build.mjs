// Bundles the app into one script and one stylesheet and copies the static files beside them.
// Maven runs it in generate-resources with the output directory as the first argument, so that the
// jar carries the app under webroot/.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, process.argv[2] ?? '../target/classes/webroot');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(resolve(here, 'public'), out, { recursive: true });

await build({
  entryPoints: { app: resolve(here, 'src/main.js') },
  bundle: true,
  format: 'esm',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  outdir: out,
  logLevel: 'warning',
});
