/** People: a body's people and a person's page (memberships in the bodies the reader may see). */
import { bodyErrorResponses } from '../../contracts/body-common.ts';
import { bodyParamsSchema } from '../../contracts/charters.ts';
import { errorResponses } from '../../contracts/common.ts';
import {
  bodyPeopleResponseSchema,
  createPersonRequestSchema,
  personCandidateSchema,
  personDetailSchema,
  personChoicesQuerySchema,
  personChoicesResponseSchema,
  personParamsSchema,
  searchPeopleQuerySchema,
  searchPeopleResponseSchema,
} from '../../contracts/people.ts';
import { authorize, bodyResource, can } from '../../policy/policy.ts';
import { createPerson, findPersonChoices, getPerson, listBodyPeople, searchPeople } from '../../services/person-service.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

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
    '/api/bodies/:bodyId/person-choices',
    {
      schema: {
        tags: ['people'],
        summary: '登记任职时按姓名查找已有人员（办公室；仅含可查看机构的任职）',
        params: bodyParamsSchema,
        querystring: personChoicesQuerySchema,
        response: { 200: personChoicesResponseSchema, ...bodyErrorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'person.find', bodyResource(request.params.bodyId));
      const items = await findPersonChoices(deps.db, {
        search: request.query.search,
        limit: request.query.limit,
        mayRead: (bodyId) => can(request.actor, 'membership.read', bodyResource(bodyId)),
      });
      return { items };
    },
  );

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: '查找人员以关联账号（按姓名或单位名称；安全管理员）',
        querystring: searchPeopleQuerySchema,
        response: { 200: searchPeopleResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.list');
      return { items: await searchPeople(deps.db, { search: request.query.search, limit: request.query.limit }) };
    },
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: '新建人员（为尚未在机构任职的人建立账号时使用；安全管理员）',
        body: createPersonRequestSchema,
        response: { 201: personCandidateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'account.create');
      const created = await createPerson(deps.db, { name: request.body.name, origin: auditOrigin(request, deps) });
      return reply.code(201).send(created);
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
