import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketMerchants } from './marketplace.tables.js';
import { createMarketWorld, type MarketWorld } from './marketplace.test-support.js';
import { merchantScoreOf } from './merchant-score.js';

describe('the score formula', () => {
  const clean = { meanStars: null, medianAcceptShare: null, offers: 0, missedOffers: 0, cancellations: 0 };

  it('starts a new merchant at 5 and follows its stars', () => {
    expect(merchantScoreOf(clean)).toBe(5);
    expect(merchantScoreOf({ ...clean, meanStars: 4.25 })).toBe(4.25);
  });

  it('takes off for accepting late: nothing within half the limit, 1 point at the whole limit', () => {
    expect(merchantScoreOf({ ...clean, meanStars: 4.5, medianAcceptShare: 0.4, offers: 10 })).toBe(4.5);
    expect(merchantScoreOf({ ...clean, meanStars: 4.5, medianAcceptShare: 0.75, offers: 10 })).toBe(4);
    expect(merchantScoreOf({ ...clean, meanStars: 4.5, medianAcceptShare: 1, offers: 10 })).toBe(3.5);
  });

  it('takes off twice the share of offers missed and orders cancelled, and keeps to 1–5', () => {
    expect(merchantScoreOf({ ...clean, meanStars: 5, offers: 10, missedOffers: 2, cancellations: 1 })).toBe(
      4.4,
    );
    expect(merchantScoreOf({ ...clean, meanStars: 2, offers: 4, missedOffers: 4 })).toBe(1);
    expect(merchantScoreOf({ ...clean, offers: 0, cancellations: 1 })).toBe(3);
  });
});

describe('the score as offers are answered', () => {
  let w: MarketWorld;
  beforeAll(async () => {
    w = await createMarketWorld();
  });
  afterAll(() => w.api.close());

  const scoreOf = async (name: string) => {
    const [row] = await w.api.ctx.db
      .select({ score: marketMerchants.score })
      .from(marketMerchants)
      .where(eq(marketMerchants.name, name));
    return row!.score;
  };

  it('falls when the merchant refuses an offer and rises again as it accepts quickly', async () => {
    const order = async () => (await w.order(w.unlockOrder())).json().order;
    const before = await scoreOf('便民家政服务部');
    const first = await order();
    const refused = await w.act('merchant', first.id, 'refuse', { version: first.version });
    expect(refused.statusCode, refused.body).toBe(200);
    const afterRefusal = await scoreOf('便民家政服务部');
    expect(afterRefusal).toBeLessThan(before);
    const second = await order();
    w.clock.advance(60_000);
    const accepted = await w.act('merchant', second.id, 'accept', { version: second.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await scoreOf('便民家政服务部')).toBeGreaterThan(afterRefusal);
  });
});
