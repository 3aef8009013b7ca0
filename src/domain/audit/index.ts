export * from './canonical-json.ts';
export * from './audit-chain.ts';
