#!/usr/bin/env node
// Entry point of the `lianxi` command. The sources are TypeScript, loaded through tsx so that
// `npm install` is the only step needed before `npx lianxi …` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
