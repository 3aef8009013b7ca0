/**
 * `lianxi charter import FILE… --publish`: publishes each founding document as a body through the
 * same service as `POST /api/bodies` (audited with the console operator as origin). A text already
 * imported is reported and left alone, so running the command twice publishes nothing the second
 * time. Exit code 0 when every file was published or already there, 2 otherwise.
 */
import { readFileSync } from 'node:fs';
import { systemClock } from '../../config/clock.ts';
import { isAppError } from '../../errors/app-error.ts';
import { publishBody } from '../../services/charter-service.ts';
import { cliOrigin, withDatabase } from './command-support.ts';
import { decodeText } from './decode-text.ts';

export interface PublishOutcome {
  file: string;
  outcome: 'published' | 'already_published' | 'failed';
  bodyId: string | null;
  name: string | null;
  version: number | null;
  error: { code: string; message: string; field?: string } | null;
}

function readText(file: string): { ok: true; text: string } | { ok: false; message: string; code: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, code: 'not_text', message: `无法读取文件（${reason}）` };
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded : { ok: false, code: decoded.error.code, message: decoded.error.message };
}

/** Publishes the files; returns the exit code. */
export async function publishCharterFiles(
  files: string[],
  options: { json?: boolean },
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const outcomes = await withDatabase(async ({ handle }) => {
    const results: PublishOutcome[] = [];
    for (const file of files) {
      const read = readText(file);
      if (!read.ok) {
        results.push({ file, outcome: 'failed', bodyId: null, name: null, version: null, error: { code: read.code, message: read.message } });
        continue;
      }
      try {
        const { body, version } = await publishBody(handle.db, { text: read.text, origin: cliOrigin('charter-publish'), clock: systemClock });
        results.push({ file, outcome: 'published', bodyId: body.id, name: body.name, version: version.version, error: null });
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'body_already_published') {
          const bodyId = typeof error.details?.bodyId === 'string' ? error.details.bodyId : null;
          results.push({ file, outcome: 'already_published', bodyId, name: null, version: null, error: null });
        } else {
          const detail = { code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }) };
          results.push({ file, outcome: 'failed', bodyId: null, name: null, version: null, error: detail });
        }
      }
    }
    return results;
  });
  for (const o of outcomes) {
    if (o.error) process.stderr.write(`${o.file}：${o.error.message}（${o.error.code}）\n`);
  }
  if (options.json) {
    write(`${JSON.stringify(outcomes, null, 2)}\n`);
  } else {
    for (const o of outcomes) {
      if (o.outcome === 'published') write(`已发布：${o.name ?? ''}（机构编号 ${o.bodyId ?? ''}，制度版本 ${o.version ?? ''}）← ${o.file}\n`);
      if (o.outcome === 'already_published') write(`已导入过，未重复发布（机构编号 ${o.bodyId ?? ''}）← ${o.file}\n`);
    }
  }
  return outcomes.some((o) => o.outcome === 'failed') ? 2 : 0;
}
