import { expect } from 'vitest';
import type { TestApi } from './api.ts';

type Send = ReturnType<TestApi['as']>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Requests of one user on a fixed work date: `send` answers the response, `ok` expects success and
 * answers its body (null for 204). `user` is read at each call, as tests sign in in beforeEach.
 */
export function workDated(user: () => Send, workDate: string) {
  const headers = { 'x-work-date': workDate };
  const send = (method: Method, url: string, body?: unknown) => user()(method, url, body, headers);
  const ok = async (method: Method, url: string, body?: unknown) => {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  };
  return { send, ok };
}
