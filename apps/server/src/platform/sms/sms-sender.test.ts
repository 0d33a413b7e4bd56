import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSmsSender, smsSenderOf } from './sms-sender.js';

/** A gateway on a local port that records what it receives and answers `status`. */
let gateway: Server;
let url: string;
let status = 200;
const received: { method?: string; type?: string; body: unknown }[] = [];

beforeAll(async () => {
  gateway = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        type: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

describe('the SMS sender', () => {
  it('POSTs each message to the gateway as JSON { phone, text }', async () => {
    status = 200;
    received.length = 0;
    await httpSmsSender(url).send({ phone: '13947312345', text: '【善治】访问码 123456' });
    expect(received).toEqual([
      {
        method: 'POST',
        type: 'application/json',
        body: { phone: '13947312345', text: '【善治】访问码 123456' },
      },
    ]);
  });

  it('answers 503 SMS_NOT_SENT when the gateway refuses the message or does not answer', async () => {
    status = 500;
    await expect(httpSmsSender(url).send({ phone: '13947312345', text: 'x' })).rejects.toMatchObject({
      code: 'SMS_NOT_SENT',
    });
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(`http://127.0.0.1:${port}/sms`));
      });
    });
    await expect(httpSmsSender(closed).send({ phone: '13947312345', text: 'x' })).rejects.toMatchObject({
      code: 'SMS_NOT_SENT',
    });
  });

  it('is there only when a gateway is configured', () => {
    expect(smsSenderOf({ SMS_GATEWAY_URL: undefined })).toBeNull();
    expect(smsSenderOf({ SMS_GATEWAY_URL: url })).not.toBeNull();
  });
});
