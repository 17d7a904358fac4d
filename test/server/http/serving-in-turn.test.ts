import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';

// Many clients connecting at once to a busy server, over a real port. On the embedded database each
// query runs synchronously in the server's thread, and Node accepts one new connection per turn of
// its event loop: when a transaction's queries all ran in one turn, the clients connected first were
// served round after round while the others waited to be accepted at all (50 connections: p99 9 s).
// Counted in answers, not in time, so a slow machine cannot make it fail. The embedded database only:
// on a server each turn is short (the queries are input and output), and many answers come per turn.
let api: TestApi;
let port: number;
const token = (inject('apiTokens') as Record<string, string>).admin!;

beforeAll(async () => {
  api = await testApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  port = (api.app.server.address() as AddressInfo).port;
});
afterAll(() => api.close());

function get(agent: Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('serving many connections on the embedded database', () => {
  it('answers every client within a couple of rounds, not the first ones again and again', async () => {
    const clients = 30;
    const requestsEach = 6;
    let answered = 0;
    const answersBeforeFirst: number[] = [];
    const statuses = new Set<number>();
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let request = 0; request < requestsEach; request++) {
          statuses.add(await get(agent, client % 2 === 0 ? '/api/v1/customers?limit=50' : '/api/v1/salesOrders?limit=50'));
          if (request === 0) answersBeforeFirst.push(answered);
          answered++;
        }
      } finally {
        agent.destroy();
      }
    }));
    expect([...statuses]).toEqual([200]);
    expect(answered).toBe(clients * requestsEach);
    // In turn, every client's first request is answered in the first round or the next; before, the
    // last clients accepted saw ~150 of the 180 answers go to others first.
    expect(Math.max(...answersBeforeFirst)).toBeLessThanOrEqual(2 * clients);
  });
});
