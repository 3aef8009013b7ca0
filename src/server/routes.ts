/**
 * The route registry: buildApp registers every module listed here, in order.
 *
 * How to add a route module:
 * 1. Write `src/server/routes/<area>-routes.ts` exporting `export const <area>Routes: RouteModule =
 *    async (app, deps) => { … }` (types from './app-types.ts'). Use full paths under `/api/…`.
 * 2. Give every route a Zod `schema` from `src/contracts/<area>.ts` (body / querystring / params and
 *    `response: { 200: …, ...errorResponses }`) and `tags` + `summary` for the OpenAPI document.
 * 3. In every handler first ask the policy: `await authorize(request.actor, 'body.read',
 *    bodyResource(bodyId, unitId))` (src/policy/policy.ts); declare new actions in src/policy/*-actions.ts.
 * 4. Call a service with `deps.db`, `deps.clock`, and `auditOrigin(request, deps)` for its audit rows;
 *    services write state and `recordAudit(tx, …)` in one `db.transaction`. Throw `AppError` to refuse.
 * 5. Append the module to `routeModules` below (one line, keep the order: platform first).
 */
import type { RouteModule } from './app-types.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { annualCycleRoutes } from './routes/annual-cycle-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { bodyRoutes } from './routes/body-routes.ts';
import { bodyActionRoutes } from './routes/body-action-routes.ts';
import { calendarRoutes } from './routes/calendar-routes.ts';
import { charterRoutes } from './routes/charter-routes.ts';
import { circularRoutes } from './routes/circular-routes.ts';
import { decisionRoutes } from './routes/decision-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { groupRoutes } from './routes/group-routes.ts';
import { incomingDocumentRoutes } from './routes/incoming-document-routes.ts';
import { meetingRoutes } from './routes/meeting-routes.ts';
import { membershipChangeRoutes } from './routes/membership-change-routes.ts';
import { membershipRoutes } from './routes/membership-routes.ts';
import { minutesRoutes } from './routes/minutes-routes.ts';
import { outgoingDocumentRoutes } from './routes/outgoing-document-routes.ts';
import { bulletinRoutes } from './routes/bulletin-routes.ts';
import { notificationRoutes } from './routes/notification-routes.ts';
import { personRoutes } from './routes/person-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { supervisionRoutes } from './routes/supervision-routes.ts';
import { todoRoutes } from './routes/todo-routes.ts';
import { unitRoutes } from './routes/unit-routes.ts';
import { workspaceRoutes } from './routes/workspace-routes.ts';
import { webStaticRoutes } from './web-static.ts';

export const routeModules: RouteModule[] = [
  authRoutes,
  adminRoutes,
  auditRoutes,
  charterRoutes,
  bodyRoutes,
  bodyActionRoutes,
  unitRoutes,
  personRoutes,
  membershipRoutes,
  membershipChangeRoutes,
  groupRoutes,
  calendarRoutes,
  meetingRoutes,
  minutesRoutes,
  decisionRoutes,
  circularRoutes,
  supervisionRoutes,
  notificationRoutes,
  documentRoutes,
  incomingDocumentRoutes,
  reportRoutes,
  annualCycleRoutes,
  outgoingDocumentRoutes,
  bulletinRoutes,
  todoRoutes,
  workspaceRoutes,
  webStaticRoutes,
];
