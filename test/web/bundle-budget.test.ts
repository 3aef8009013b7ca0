import { describe, expect, it } from 'vitest';
import { initialChunkNames, measureInitialSize } from '../../web/build/bundle-budget.ts';

const chunk = (fileName: string, imports: string[], isEntry = false, code = `/*${fileName}*/`) => ({ fileName, imports, isEntry, code });

describe('initial bundle budget', () => {
  it('counts the entry and its static imports, transitively, and not dynamic chunks', () => {
    const chunks = [
      chunk('index.js', ['vendor.js', 'app.js'], true),
      chunk('app.js', ['vendor.js', 'shared.js']),
      chunk('vendor.js', []),
      chunk('shared.js', []),
      chunk('org-chart.js', ['shared.js']),
    ];
    expect(initialChunkNames(chunks)).toEqual(['index.js', 'vendor.js', 'app.js', 'shared.js']);
  });

  it('measures gzipped bytes of the initial chunks only', () => {
    const big = 'x'.repeat(100_000);
    const size = measureInitialSize([chunk('index.js', [], true, 'console.log(1)'), chunk('lazy.js', [], false, big)]);
    expect(size.files).toEqual(['index.js']);
    expect(size.rawBytes).toBe('console.log(1)'.length);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(100);
  });
});
