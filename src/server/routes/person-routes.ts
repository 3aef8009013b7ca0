/** People: a body's people and a person's page (memberships in the bodies the reader may see). */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { bodyPeopleResponseSchema, personDetailSchema, personParamsSchema } from '../../contracts/people.ts';
import { authorize, bodyResource, can } from '../../policy/policy.ts';
import { getPerson, listBodyPeople } from '../../services/person-service.ts';
import type { RouteModule } from '../app-types.ts';

export const personRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/bodies/:bodyId/people',
    {
      schema: {
        tags: ['people'],
        summary: '机构的人员（曾经或正在任职）',
        params: bodyParamsSchema,
        response: { 200: bodyPeopleResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'membership.read', bodyResource(request.params.bodyId));
      return { items: await listBodyPeople(deps.db, { bodyId: request.params.bodyId }) };
    },
  );

  app.get(
    '/api/people/:personId',
    {
      schema: {
        tags: ['people'],
        summary: '人员及其任职（仅限本人可查看的机构）',
        params: personParamsSchema,
        response: { 200: personDetailSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'person.read');
      return getPerson(deps.db, {
        personId: request.params.personId,
        mayRead: (bodyId) => can(request.actor, 'membership.read', bodyResource(bodyId)),
      });
    },
  );
};
