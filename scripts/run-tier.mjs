// Runs one test tier (a Vitest project of vitest.config.ts) and prints its wall-clock time.
//   node scripts/run-tier.mjs <project> [--budget <seconds>] [vitest arguments…]
// With --budget, the time is compared with the budget and a run over it is reported (the exit code
// stays the tests' own: a slow machine is not a failed test).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const project = args.shift();
if (project === undefined || project.startsWith('-')) {
  console.error('usage: node scripts/run-tier.mjs <project> [--budget <seconds>] [vitest arguments…]');
  process.exit(2);
}
let budget;
const budgetAt = args.indexOf('--budget');
if (budgetAt !== -1) {
  budget = Number(args[budgetAt + 1]);
  args.splice(budgetAt, 2);
}

const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const started = process.hrtime.bigint();
const child = spawn(process.execPath, [vitest, 'run', '--project', project, ...args], { stdio: 'inherit' });
child.on('exit', (code) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const over = budget !== undefined && seconds > budget;
  const budgetNote = budget === undefined ? '' : over ? ` — OVER the ${budget} s budget` : ` (budget ${budget} s)`;
  console.log(`\n${project.replace(/\*/g, '')} tier: ${seconds.toFixed(1)} s wall${budgetNote}`);
  process.exit(code ?? 1);
});
