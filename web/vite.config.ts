import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { INITIAL_JS_BUDGET_BYTES, formatKilobytes, measureInitialSize, type BudgetChunk } from './build/bundle-budget.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Reports the gzipped initial JavaScript and fails the build when it exceeds the budget. */
function initialBundleBudget(): Plugin {
  return {
    name: 'lianxi-initial-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: BudgetChunk[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') {
          chunks.push({ fileName: output.fileName, isEntry: output.isEntry, imports: output.imports, code: output.code });
        }
      }
      const size = measureInitialSize(chunks);
      const line =
        `initial JavaScript (entry + static imports, ${size.files.length} files): ` +
        `${formatKilobytes(size.rawBytes)} raw, ${formatKilobytes(size.gzipBytes)} gzipped ` +
        `(budget ${formatKilobytes(INITIAL_JS_BUDGET_BYTES)})`;
      if (size.gzipBytes > INITIAL_JS_BUDGET_BYTES) {
        this.error(`${line} — over budget: ${size.files.join(', ')}`);
      }
      console.log(`\n${line}`);
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files worth compressing: text the browser loads (the images and fonts of the build are compressed already). */
const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this size a compressed sibling saves nothing (the server's on-the-fly threshold too). */
const PRECOMPRESS_MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : Promise.resolve([path.join(dir, entry.name)]))),
  );
  return nested.flat();
}

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) sibling of every text file of the
 * build over 1 KB, once at build time, so that the server sends them as they are
 * (src/server/web-static.ts, @fastify/static's `preCompressed`) instead of compressing each request.
 */
function precompressBuild(): Plugin {
  let outDir = '';
  return {
    name: 'lianxi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((file) => COMPRESSIBLE_FILE.test(file));
      let written = 0;
      for (const file of files) {
        if ((await stat(file)).size < PRECOMPRESS_MIN_BYTES) continue;
        const content = await readFile(file);
        const [br, gz] = await Promise.all([
          brotli(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
          gzipAsync(content, { level: 9 }),
        ]);
        await writeFile(`${file}.br`, br);
        await writeFile(`${file}.gz`, gz);
        written += 1;
      }
      console.log(`precompressed ${written} files (.br, .gz)`);
    },
  };
}

/**
 * One language per chunk (issue 15 point 7). The screen files of web/src/i18n/ (admin-messages.ts …)
 * export both languages; imported as they are by messages-zh.ts and messages-en.ts, each would be
 * one module in a chunk shared by both language packs, and a visit would download both languages
 * again. Imported from those two files they become two modules each (`?lang=zh`, `?lang=en`), and
 * tree-shaking leaves each with its own language only.
 */
function languagePerChunk(): Plugin {
  return {
    name: 'lianxi-language-per-chunk',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      const language = importer === undefined ? null : /[\\/]web[\\/]src[\\/]i18n[\\/]messages-(zh|en)\.ts$/.exec(importer)?.[1];
      if (language === undefined || language === null || !/^\.\/[\w-]+-messages\.ts$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved === null ? null : { ...resolved, id: `${resolved.id}?lang=${language}` };
    },
  };
}

/**
 * The vendor chunk that changes rarely and every screen needs: React with its router (cached
 * across releases of the app's own code). Ant Design and ECharts are left to the bundler, which
 * splits them by what each screen imports: sign-in does not carry the tables, and ECharts — only
 * ever imported on demand by the chart screens — stays out of the initial JavaScript, each chart
 * screen loading the ECharts core (shared) and its own series only.
 */
function vendorChunk(moduleId: string): string | null {
  if (/[\\/]node_modules[\\/](?:react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(moduleId)) return 'react';
  return null;
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), languagePerChunk(), initialBundleBudget(), precompressBuild()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: vendorChunk, debugName: 'vendor' }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.LIANXI_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
