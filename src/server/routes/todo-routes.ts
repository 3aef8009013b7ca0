/** /api/todo: the signed-in person's to-do centre (待办) across the bodies they sit in, and 已办. */
import { errorResponses } from '../../contracts/common.ts';
import { todoQuerySchema, todoResponseSchema } from '../../contracts/todo.ts';
import { authorizeActor } from '../../policy/policy.ts';
import { listMyTodo } from '../../services/todo/list-my-todo.ts';
import type { RouteModule } from '../app-types.ts';

export const todoRoutes: RouteModule = async (app, deps) => {
  app.get(
    '/api/todo',
    {
      schema: {
        tags: ['todo'],
        summary: '本人的待办（各机构中等待本人审批、审定、审核签发、确认、报送的事项和逾期事项）和已办',
        querystring: todoQuerySchema,
        response: { 200: todoResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'todo.read');
      return listMyTodo(deps.db, { clock: deps.clock, accountId: actor.accountId, personId: actor.personId, doneLimit: request.query.doneLimit });
    },
  );
};
