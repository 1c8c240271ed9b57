// Where each JWT travelled: the engine records every appearance once, message by message.
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../http/message';
import type { SimStep } from '../model/trace';
import { renderPage } from '../parties/authority/pages';
import { sightTokens } from './inspect';

const A = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln';
const B = 'eyJhbGciOiJSUzI1NiJ9.eyJiIjoyfQ.c2ln';

function step(index: number, request: HttpRequest, response?: HttpResponse): SimStep {
  return {
    index,
    exchange: index,
    kind: response ? 'response' : 'request',
    from: 'client',
    to: 'api',
    time: 0,
    tag: 'test',
    label: 'test',
    request,
    ...(response ? { response } : {}),
    outcome: 'request',
    events: [],
    narration: { title: '', text: '', docs: [] },
  } as SimStep;
}

const get: HttpRequest = { method: 'GET', url: 'https://app.example/', headers: {} };

describe('token sightings', () => {
  it('names the header, form parameter and query parameter of a request, in wire order', () => {
    const request: HttpRequest = {
      method: 'POST',
      url: `https://login.example/token?hint=${B}`,
      headers: {
        Authorization: `Bearer ${A}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=x&assertion=${A}`,
    };
    expect(sightTokens([step(0, request)], [A, B]).map((s) => [s.token, s.place])).toEqual([
      [B, { in: 'query', name: 'hint' }],
      [A, { in: 'header', name: 'Authorization' }],
      [A, { in: 'form', name: 'assertion' }],
    ]);
  });

  it('names JSON fields, Location query and fragment parameters and form_post fields', () => {
    const json: HttpResponse = {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: B, id_token: A }),
    };
    const redirect: HttpResponse = {
      status: 302,
      statusText: 'Found',
      headers: { Location: `https://app.example/cb?state=s#id_token=${A}` },
      body: '',
    };
    const page: HttpResponse = {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: renderPage({
        page: 'form_post',
        action: 'https://app.example/cb',
        fields: { id_token: B },
      }),
    };
    const sightings = sightTokens(
      [step(1, get, json), step(2, get, redirect), step(3, get, page)],
      [A, B],
    );
    expect(sightings.map((s) => [s.step, s.message, s.token, s.place])).toEqual([
      [1, 'response', B, { in: 'json', name: 'access_token' }],
      [1, 'response', A, { in: 'json', name: 'id_token' }],
      [2, 'response', A, { in: 'location', name: 'id_token', part: 'fragment' }],
      [3, 'response', B, { in: 'page', name: 'id_token' }],
    ]);
  });

  it('records a request once, at its request step, and a token found nowhere named in the body', () => {
    const request: HttpRequest = { ...get, method: 'POST', headers: {}, body: `note ${A}` };
    const text: HttpResponse = { status: 200, statusText: 'OK', headers: {}, body: `<p>${B}</p>` };
    expect(sightTokens([step(0, request), step(1, request, text)], [A, B])).toEqual([
      { token: A, step: 0, message: 'request', place: { in: 'body' } },
      { token: B, step: 1, message: 'response', place: { in: 'body' } },
    ]);
  });
});
