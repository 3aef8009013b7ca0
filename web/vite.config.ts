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

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), initialBundleBudget()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': { target: process.env.LIANXI_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
