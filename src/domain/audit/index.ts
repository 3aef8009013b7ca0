export * from './canonical-json.ts';
export * from './audit-chain.ts';
export * from './audit-archive.ts';
export * from './personal-values.ts';
