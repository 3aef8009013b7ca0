/** Response types of the bulletin routes, for the integration tests. */
import type { z } from 'zod';
import type { bulletinSchema, bulletinSeriesSchema } from '../../src/contracts/bulletins.ts';

export type BulletinResponse = z.infer<typeof bulletinSchema>;
export type BulletinSeriesResponse = z.infer<typeof bulletinSeriesSchema>;
