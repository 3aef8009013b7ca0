#!/usr/bin/env node
/**
 * The checks `npm test` makes before the tests: the commands of the `typecheck` script (three tsc
 * projects) and the `lint` script (ESLint), run two at a time (each is single-threaded, and the CI
 * machine has two cores; one after another they took over three minutes of CPU). The output of a
 * check is printed when it fails; the exit code is 1 when any failed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts;
const commands = [...scripts.typecheck.split(' && '), scripts.lint];
const parallel = Math.max(1, Math.min(2, os.availableParallelism()));
const bin = path.resolve('node_modules/.bin');
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };

/** Runs one command in a shell; resolves with its exit code and its output. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

let failed = false;
const queue = [...commands];
async function worker() {
  for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
    const started = Date.now();
    const { code, output } = await run(command);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (code === 0) {
      console.log(`ok (${seconds} s): ${command}`);
    } else {
      failed = true;
      console.log(`FAILED (${seconds} s): ${command}\n${output}`);
    }
  }
}
await Promise.all(Array.from({ length: parallel }, worker));
process.exit(failed ? 1 : 0);
