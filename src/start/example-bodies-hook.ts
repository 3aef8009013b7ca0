/** Start hook: publishes the example founding documents once (skipped with `serve --no-examples`). */
import { publishExampleBodies } from '../services/example-bodies-service.ts';
import type { StartHook } from './start-hook.ts';

export const exampleBodiesHook: StartHook = {
  name: 'example-bodies',
  async run(ctx) {
    if (!ctx.examples) return;
    const outcomes = await publishExampleBodies(ctx.db, { clock: ctx.clock });
    const published = outcomes.filter((o) => o.outcome === 'published');
    for (const o of published) ctx.print(`示例机构已发布 / example body published: ${o.bodyName ?? ''} (${o.file})`);
    for (const o of outcomes.filter((x) => x.outcome === 'failed')) {
      ctx.print(`示例机构未能发布 / example body not published: ${o.file}: ${o.message ?? ''}`);
    }
    if (published.length === 0 && outcomes.every((o) => o.outcome === 'skipped')) {
      ctx.logger.info({ examples: outcomes.length }, 'example bodies already published');
    }
  },
};
