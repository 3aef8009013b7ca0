/**
 * The steps the start sequence runs after migrations and the administrators' bootstrap, before the
 * server listens, in order. A hook is a `StartHook` (`start-hook.ts`) in its own file:
 *
 *   export const seedExamplesHook: StartHook = { name: 'example-bodies', run: async (ctx) => {
 *     if (!ctx.examples) return; …import and publish the fixtures once… } };
 *   // and in this file: list it in the array below.
 */
import { exampleBodiesHook } from './example-bodies-hook.ts';
import type { StartHook } from './start-hook.ts';
import { sweepHook } from './sweep-hook.ts';

export const startHooks: StartHook[] = [exampleBodiesHook, sweepHook];
