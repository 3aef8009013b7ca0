/**
 * Compressed responses (issue 15 point 7): brotli or gzip, as the client accepts, for API answers
 * and for the web build's files that were not compressed at build time (src/server/web-static.ts
 * serves the precompressed `.br` / `.gz` siblings written by web/vite.config.ts as they are).
 *
 * Only text-like types are compressed (JSON, HTML, JavaScript, CSS, SVG, CSV, calendars …): files
 * that are compressed already (PNG, ZIP, DOCX, XLSX, PDF) and unknown binaries (octet-stream) are
 * sent as they are. Bodies under 1 KB are not worth it. Request bodies are never decompressed (the
 * API takes JSON as sent; a compressed upload would bypass the body limit's meaning).
 */
import fastifyCompress from '@fastify/compress';
import type { LianxiApp } from './app-types.ts';

/** Smallest body worth compressing, in bytes. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Content types compressed: text/* (but not event streams), JSON, XML and their `+json` / `+xml`
 * kinds (SVG, problem+json), JavaScript. Office files, PDFs, archives and images do not match.
 */
export const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|^application\/(?:json|javascript|xml)(?:;|$)|\+(?:json|xml)(?:;|$)/u;

/** Registers response compression on `app`; call before any route is registered. */
export async function registerCompression(app: LianxiApp): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE_TYPES,
  });
}
