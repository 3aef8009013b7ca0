/** Contract of `GET /api/bodies/:bodyId/actions`: what the current person may do on the body page. */
import { z } from 'zod';
import { resourceActionListSchema } from './resource-actions.ts';

export const bodyActionsResponseSchema = z.object({ bodyId: z.string(), actions: resourceActionListSchema });
export type BodyActionsResponse = z.infer<typeof bodyActionsResponseSchema>;
