import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TrustProxySetting } from '../../platform/http/edge-settings.js';
import { expectError } from '../../test/api.js';
import type { CaseWorld } from '../cases/cases.test-support.js';

// The captcha's answer exists only in its picture and, hashed, in the database: the tests read it as
// svg-captcha draws it (the real drawing, recorded on the way).
const drawn = vi.hoisted(() => [] as string[]);
vi.mock('svg-captcha', async (importOriginal) => {
  const draw = (await importOriginal<{ default: (text: string, options: object) => string }>()).default;
  return {
    default: (text: string, options: object) => {
      drawn.push(text);
      return draw(text, options);
    },
  };
});

let w: CaseWorld;
let buildApp: typeof import('../../app.js').buildApp;
beforeAll(async () => {
  // test files share their modules (isolate: false): the app is loaded anew, so that it draws with the mock
  vi.resetModules();
  ({ buildApp } = await import('../../app.js'));
  const { createCaseWorld } = await import('../cases/cases.test-support.js');
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

const MINUTE = 60_000;
const PHONE = '13947300002';
const WRONG = '13900000000';
let ipCounter = 1;
/** Each test talks from addresses of its own, so the limits of one do not spill into another. */
const freshIp = () => `10.8.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

type App = CaseWorld['api']['app'];

async function requestBody() {
  return {
    type: 'complaint',
    description: '小区门口路灯连续一周不亮，晚上出行很不安全，请尽快维修。',
    phone: PHONE,
    address: '海勃湾区新华街道滨河小区门口',
    location: await w.pointIn('150302'),
  };
}

function submit(app: App, body: object, ip: string, forwardedFor?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/portal/cases',
    remoteAddress: ip,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: body,
  });
}

/** A new portal case (from an address of its own); answers its number. */
async function newCase(): Promise<string> {
  const response = await submit(w.api.app, await requestBody(), freshIp());
  expect(response.statusCode, response.body).toBe(201);
  return response.json().number;
}

interface Captcha {
  captchaId: string;
  captchaAnswer: string;
}

function track(number: string, phone: string, ip: string, captcha?: Captcha, forwardedFor?: string) {
  const query = new URLSearchParams({ phone, ...captcha });
  return w.api.app.inject({
    method: 'GET',
    url: `/api/v1/portal/cases/${number}?${query}`,
    remoteAddress: ip,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

function rate(number: string, phone: string, ip: string, captcha?: Captcha) {
  return w.api.app.inject({
    method: 'POST',
    url: `/api/v1/portal/cases/${number}/rating`,
    remoteAddress: ip,
    payload: { phone, satisfaction: 'satisfied', ...captcha },
  });
}

/** A captcha drawn for `ip` and the answer its picture shows. */
async function solvedCaptcha(ip: string): Promise<Captcha> {
  const response = await w.api.app.inject({
    method: 'GET',
    url: '/api/v1/portal/captcha',
    remoteAddress: ip,
  });
  expect(response.statusCode, response.body).toBe(200);
  const { captchaId, svg } = response.json();
  expect(svg).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
  expect(response.headers['cache-control']).toBe('no-store');
  return { captchaId, captchaAnswer: drawn.at(-1)! };
}

function expectRetryAfter(response: LightMyRequestResponse, atLeast: number, atMost: number): void {
  const seconds = Number(response.headers['retry-after']);
  expect(seconds, `Retry-After ${response.headers['retry-after']}`).toBeGreaterThanOrEqual(atLeast);
  expect(seconds).toBeLessThanOrEqual(atMost);
}

describe('portal limits against a forged client address (finding 2)', () => {
  it('does not lift the submission limit for a rotating X-Forwarded-For when TRUST_PROXY is unset (finding 2)', async () => {
    const body = await requestBody();
    const peer = freshIp();
    const answers: LightMyRequestResponse[] = [];
    for (let i = 1; i <= 15; i++) answers.push(await submit(w.api.app, body, peer, `203.0.113.${i}`));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(10);
    for (const refused of answers.slice(10)) {
      expectError(refused, 429, 'RATE_LIMITED');
      // the bucket gives a token back every minute
      expectRetryAfter(refused, 1, 60);
    }
  });

  it('does not lift the lookup limit for a rotating X-Forwarded-For when TRUST_PROXY is unset (finding 2)', async () => {
    const number = await newCase();
    const peer = freshIp();
    const statuses: number[] = [];
    for (let i = 1; i <= 35; i++) {
      statuses.push((await track(number, PHONE, peer, undefined, `198.51.100.${i}`)).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const refused = await track(number, PHONE, peer, undefined, '198.51.100.99');
    expectError(refused, 429, 'RATE_LIMITED');
    expectRetryAfter(refused, 1, 20);
  });

  it('honours X-Forwarded-For from the proxy TRUST_PROXY names, and only from it (finding 2)', async () => {
    const proxy = freshIp();
    const config = { ...w.api.ctx.config, TRUST_PROXY: TrustProxySetting.parse(proxy) };
    const { app } = await buildApp({ ...w.api.ctx, config }, { serveWeb: false });
    try {
      const body = await requestBody();
      const viaProxy: number[] = [];
      for (let i = 1; i <= 15; i++)
        viaProxy.push((await submit(app, body, proxy, `192.0.2.${i}`)).statusCode);
      expect(viaProxy).toEqual(Array(15).fill(201));

      const stranger = freshIp();
      const direct: number[] = [];
      for (let i = 1; i <= 15; i++)
        direct.push((await submit(app, body, stranger, `192.0.2.${i}`)).statusCode);
      expect(direct.filter((s) => s === 201)).toHaveLength(10);
    } finally {
      await app.close();
    }
  });
});

describe('tracking a case by number and phone (finding 2)', () => {
  it('locks a number after 5 wrong phones from as many addresses, refuses the right phone while locked, and opens after 30 minutes (finding 2)', async () => {
    const number = await newCase();
    for (let i = 0; i < 5; i++) {
      const ip = freshIp();
      // from the third wrong phone on, the number asks for a captcha, whatever the address
      const captcha = i >= 2 ? await solvedCaptcha(ip) : undefined;
      expectError(await track(number, WRONG, ip, captcha), 404, 'CASE_NOT_FOUND');
    }
    const ip = freshIp();
    const locked = await track(number, PHONE, ip, await solvedCaptcha(ip));
    expectError(locked, 429, 'TRACKING_LOCKED');
    expectRetryAfter(locked, 29 * 60, 30 * 60);
    // still locked, for the right phone, without a captcha, and for rating
    expectError(await track(number, PHONE, freshIp()), 429, 'TRACKING_LOCKED');
    expectError(await rate(number, PHONE, freshIp()), 429, 'TRACKING_LOCKED');
    w.clock.advance(29 * MINUTE);
    const later = await track(number, PHONE, freshIp());
    expectError(later, 429, 'TRACKING_LOCKED');
    expectRetryAfter(later, 1, 60);

    w.clock.advance(MINUTE + 1000);
    const open = await track(number, PHONE, freshIp());
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().number).toBe(number);
  });

  it('asks an address for a captcha after 2 wrong phones, for any number, also when rating (finding 2)', async () => {
    const [first, second] = [await newCase(), await newCase()];
    const ip = freshIp();
    expectError(await track(first, WRONG, ip), 404, 'CASE_NOT_FOUND');
    expectError(await track(second, WRONG, ip), 404, 'CASE_NOT_FOUND');
    const asked = await track(first, PHONE, ip);
    expectError(asked, 400, 'CAPTCHA_REQUIRED', 'captchaAnswer');
    expectError(await rate(second, PHONE, ip), 400, 'CAPTCHA_REQUIRED', 'captchaAnswer');
    // the numbers themselves have one wrong phone each: from elsewhere no captcha is needed
    expect((await track(first, PHONE, freshIp())).statusCode).toBe(200);
  });

  it('refuses a wrong, reused or expired captcha answer and admits the attempt with the right one (finding 2)', async () => {
    const number = await newCase();
    const ip = freshIp();
    expectError(await track(number, WRONG, ip), 404, 'CASE_NOT_FOUND');
    expectError(await track(number, WRONG, freshIp()), 404, 'CASE_NOT_FOUND');
    expectError(await track(number, PHONE, freshIp()), 400, 'CAPTCHA_REQUIRED');

    const wrong = await solvedCaptcha(ip);
    const guessed = { ...wrong, captchaAnswer: wrong.captchaAnswer === 'AAAA' ? 'BBBB' : 'AAAA' };
    expectError(await track(number, PHONE, ip, guessed), 400, 'CAPTCHA_REQUIRED', 'captchaAnswer');
    // a captcha gives one guess: its right answer after a wrong one is refused too
    expectError(await track(number, PHONE, ip, wrong), 400, 'CAPTCHA_REQUIRED');

    const right = await solvedCaptcha(ip);
    const admitted = await track(number, PHONE, ip, {
      ...right,
      captchaAnswer: right.captchaAnswer.toLowerCase(),
    });
    expect(admitted.statusCode, admitted.body).toBe(200);
    expectError(await track(number, PHONE, ip, right), 400, 'CAPTCHA_REQUIRED');

    const stale = await solvedCaptcha(ip);
    w.clock.advance(6 * MINUTE);
    expectError(await track(number, PHONE, ip, stale), 400, 'CAPTCHA_REQUIRED');
    expectError(
      await track(number, PHONE, ip, { captchaId: 'not-an-id', captchaAnswer: 'AB12' }),
      400,
      'VALIDATION_FAILED',
      'query.captchaId',
    );
  });

  it('lets no more than 2 wrong phones through without a captcha however many arrive at once (finding 2)', async () => {
    const number = await newCase();
    const answers = await Promise.all(Array.from({ length: 20 }, () => track(number, WRONG, freshIp())));
    expect(answers.filter((a) => a.statusCode === 404)).toHaveLength(2);
    for (const refused of answers.filter((a) => a.statusCode !== 404)) {
      expectError(refused, 400, 'CAPTCHA_REQUIRED');
    }
    // the refusals were not counted: the right phone with a captcha still gets in
    const ip = freshIp();
    expect((await track(number, PHONE, ip, await solvedCaptcha(ip))).statusCode).toBe(200);
  });
});
