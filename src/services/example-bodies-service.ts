/**
 * Example bodies: at first start the founding documents in test/fixtures/seeds/*.txt are published
 * as bodies through the same service as `POST /api/bodies`. A text already imported (by an earlier
 * start, the CLI or a user) is skipped, so a second start imports nothing again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';
import { isAppError } from '../errors/app-error.ts';
import { findCharterVersionsByTextHash } from '../repositories/charter-version-repository.ts';
import { publishBody, textHash } from './charter-service.ts';

/** Where the example founding documents live. */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/seeds');

export interface ExampleOutcome {
  file: string;
  outcome: 'published' | 'skipped' | 'failed';
  bodyId: string | null;
  bodyName: string | null;
  /** Why it failed (Chinese message of the refusal) */
  message: string | null;
}

/**
 * Publishes every example founding document not imported yet. A document that cannot be published
 * is reported (outcome `failed`) and the others still go ahead.
 */
export async function publishExampleBodies(db: Database, options: { clock: Clock; dir?: string }): Promise<ExampleOutcome[]> {
  const dir = options.dir ?? EXAMPLES_DIR;
  const { clock } = options;
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const outcomes: ExampleOutcome[] = [];
  for (const file of files) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    const [existing] = await findCharterVersionsByTextHash(db, textHash(text));
    if (existing) {
      outcomes.push({ file, outcome: 'skipped', bodyId: existing.bodyId, bodyName: null, message: null });
      continue;
    }
    try {
      const { body } = await publishBody(db, {
        text,
        origin: { actorId: null, requestId: null, clientAddress: 'examples', at: clock.now() },
        clock,
      });
      outcomes.push({ file, outcome: 'published', bodyId: body.id, bodyName: body.name, message: null });
    } catch (error) {
      if (isAppError(error) && error.code === 'body_already_published') {
        const bodyId = typeof error.details?.bodyId === 'string' ? error.details.bodyId : null;
        outcomes.push({ file, outcome: 'skipped', bodyId, bodyName: null, message: null });
      } else if (isAppError(error)) {
        outcomes.push({ file, outcome: 'failed', bodyId: null, bodyName: null, message: error.message });
      } else {
        throw error;
      }
    }
  }
  return outcomes;
}
