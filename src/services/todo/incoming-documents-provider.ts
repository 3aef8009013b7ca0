/** 待办复收文: incoming documents assigned or forwarded to the reader's unit whose reply is still owed. */
import { incomingDocumentObligations } from '../incoming-documents/unit-obligations.ts';
import { unitObligationTodo } from './unit-obligations-todo.ts';
import type { TodoProvider } from './todo-types.ts';

export const incomingDocumentsTodo: TodoProvider = (db, query) =>
  unitObligationTodo(db, query, { provider: incomingDocumentObligations, kind: 'incoming_reply', kindName: () => '待办复收文', workingDays: true });
