/** Contract of GET /api/health (public). */
import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  time: z.string().describe('服务器当前时间（ISO 8601）'),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
