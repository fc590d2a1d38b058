import { defineRoutes, jsonAnswer, textAnswer } from '@gatehouse/http-contract';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { Greeting } from './__fixtures__/contractTypes';
import {
  answerValidators,
  routesMissingFromReadme,
  verifyContract,
} from './contract';

const typesEntry = join(__dirname, '__fixtures__/contractTypes.ts');

const routes = defineRoutes({
  greet: {
    method: 'GET',
    path: '/greetings/:name',
    params: z.object({ name: z.string() }),
    answer: jsonAnswer<Greeting>('Greeting'),
    summary: 'A greeting',
  },
  create: {
    method: 'POST',
    path: '/greetings',
    body: z.object({ text: z.string() }),
    answer: jsonAnswer<Greeting>('Greeting'),
    status: 201,
    summary: 'Keeps a greeting',
  },
  card: {
    method: 'GET',
    path: '/card',
    answer: textAnswer('text/markdown'),
    summary: 'A card',
  },
});

/** A server that answers as `answers` says, by method and path. */
async function serve(
  answers: Record<string, { status: number; type?: string; body: string }>,
) {
  const server = http.createServer((req, res) => {
    const answer = answers[`${req.method} ${req.url}`];
    if (!answer) {
      res.writeHead(404).end('{}');
      return;
    }
    res
      .writeHead(answer.status, {
        'content-type': answer.type ?? 'application/json',
      })
      .end(answer.body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const calls = {
  greet: { params: { name: 'ada' } },
  create: { body: { text: 'hi' } },
  card: {},
};

describe('verifyContract', () => {
  it('accepts a server that answers every route as typed', async () => {
    const server = await serve({
      'GET /greetings/ada': { status: 200, body: '{"text":"hi","count":1}' },
      'POST /greetings': {
        status: 201,
        body: '{"text":"hi","count":2,"tags":["new"]}',
      },
      'GET /card': { status: 200, type: 'text/markdown', body: '# Card' },
    });
    try {
      expect(
        await verifyContract({
          routes,
          typesEntry,
          baseUrl: server.baseUrl,
          calls,
        }),
      ).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('names each route that is missing, answers another status or another shape', async () => {
    const server = await serve({
      'GET /greetings/ada': {
        status: 200,
        body: '{"text":"hi","count":"one","extra":true}',
      },
      'POST /greetings': { status: 200, body: '{"text":"hi","count":2}' },
    });
    try {
      expect(
        await verifyContract({
          routes,
          typesEntry,
          baseUrl: server.baseUrl,
          calls,
        }),
      ).toEqual([
        'greet (GET /greetings/:name): not a Greeting: answer must NOT have additional properties (extra); answer/count must be number',
        'create (POST /greetings): answered 200, expected 201: {"text":"hi","count":2}',
        'card (GET /card): answered 404, expected 200: {}',
      ]);
    } finally {
      await server.close();
    }
  });

  it('checks values against the exported type by name', () => {
    const answers = answerValidators(typesEntry);
    expect(answers.check('Greeting', { text: 'a', count: 1 })).toBeUndefined();
    expect(answers.check('Greeting', { text: 'a' })).toBe(
      "answer must have required property 'count'",
    );
  });
});

describe('routesMissingFromReadme', () => {
  it('names each route without its row in the route table', () => {
    const readme = [
      '| Method | Path | Answer | What it is for |',
      '| --- | --- | --- | --- |',
      '| GET | `/greetings/:name` | Greeting | A greeting |',
      '| GET | `/greetings` | Greeting | the wrong method |',
      '',
    ].join('\n');
    expect(routesMissingFromReadme(routes, readme)).toEqual([
      'create (POST /greetings)',
      'card (GET /card)',
    ]);
  });
});
