/** The whole Drizzle schema. Tables mirror the committed SQL in migrations/. */
export * from './platform.ts';
export * from './bodies.ts';
export * from './calendar.ts';
export * from './meetings.ts';
export * from './decisions.ts';
export * from './documents.ts';
export * from './membership-changes.ts';
export * from './supervision.ts';
export * from './security.ts';
export * from './incoming-documents.ts';
export * from './outgoing-documents.ts';
export * from './reports.ts';
export * from './audit-archive.ts';
