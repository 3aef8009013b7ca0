/**
 * Global setup of the web component tier, run in Vitest's main Node process (not in the DOM
 * environment, where server code does not belong): one real Lianxi server on a fresh PGlite,
 * listening on a free port, and beside it a fixtures endpoint through which the tests create what
 * they need with the integration factories (accounts, bodies, decided items). Every test creates
 * its own users and bodies, so the tests share the server without seeing each other's data.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { TestContext } from '../integration/harness.ts';
import type { CreateAccountOptions } from '../integration/harness.ts';
import { decisionBody, issueDecisions } from '../integration/factories/decisions.ts';
import type { DecidedItemInput } from '../../src/services/decisions/assign-decided-items.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API server's origin, e.g. http://127.0.0.1:41234 */
    apiOrigin: string;
    /** The fixtures endpoint's origin */
    fixturesOrigin: string;
  }
}

type Fixture = (input: Record<string, unknown>) => Promise<unknown>;

function fixtures(t: TestContext): Record<string, Fixture> {
  return {
    /** An account (see TestContext.createAccount); answers id, username, password. */
    account: async (input) => {
      const account = await t.createAccount(input as CreateAccountOptions);
      return { id: account.id, username: account.username, password: account.password };
    },
    /** A published synthetic body with an office-staff account; answers its id, name, units, office. */
    decisionBody: async () => {
      const body = await decisionBody(t);
      return {
        id: body.id,
        name: body.name,
        units: body.units,
        office: { id: body.office.account.id, username: body.office.account.username, password: body.office.account.password },
      };
    },
    /** Minutes issued on `issuedOn` with the given decided items; answers their ids. */
    issueDecisions: async (input) =>
      issueDecisions(t, input as { bodyId: string; issuedOn: string; items: DecidedItemInput[] }),
  };
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t = new TestContext('pglite');
  await t.setup();
  const app = await t.app();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const apiOrigin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const byName = fixtures(t);
  const fixtureServer = http.createServer((request, response) => {
    const name = (request.url ?? '').replace(/^\//, '');
    const fixture = byName[name];
    if (request.method !== 'POST' || fixture === undefined) {
      response.writeHead(404).end();
      return;
    }
    readJson(request)
      .then((input) => fixture(input))
      .then((result) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
  });
  const fixturesOrigin = await listen(fixtureServer);

  project.provide('apiOrigin', apiOrigin);
  project.provide('fixturesOrigin', fixturesOrigin);
  return async () => {
    await new Promise<void>((resolve) => fixtureServer.close(() => resolve()));
    await t.teardown();
  };
}
