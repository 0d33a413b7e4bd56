import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.js';

describe('wgs84ToGcj02', () => {
  it('shifts a GPS position in China by the national offset (the reference pairs of eviltransform)', () => {
    const beijing = wgs84ToGcj02({ lng: 116.404, lat: 39.915 });
    expect(beijing.lat).toBeCloseTo(39.916_404_281_5, 9);
    expect(beijing.lng).toBeCloseTo(116.410_244_499_2, 9);
    const shanghai = wgs84ToGcj02({ lng: 121.527_210_6, lat: 31.177_427_6 });
    expect(shanghai.lat).toBeCloseTo(31.175_303_983_6, 9);
    expect(shanghai.lng).toBeCloseTo(121.531_541_859_2, 9);
  });

  it('moves a point in Wuhai by a few hundred metres, not more', () => {
    const wgs = { lng: 106.8254, lat: 39.6732 };
    const gcj = wgs84ToGcj02(wgs);
    const metres = Math.hypot((gcj.lng - wgs.lng) * 85_000, (gcj.lat - wgs.lat) * 111_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1_000);
  });

  it('leaves a point outside China as it is', () => {
    expect(wgs84ToGcj02({ lng: 2.3522, lat: 48.8566 })).toEqual({ lng: 2.3522, lat: 48.8566 });
  });
});

describe('gcj02ToWgs84', () => {
  it('finds the GPS position of the reference pairs of eviltransform from their GCJ-02 images', () => {
    const beijing = gcj02ToWgs84({ lng: 116.410_244_499_2, lat: 39.916_404_281_5 });
    expect(beijing.lng).toBeCloseTo(116.404, 8);
    expect(beijing.lat).toBeCloseTo(39.915, 8);
    const shanghai = gcj02ToWgs84({ lng: 121.531_541_859_2, lat: 31.175_303_983_6 });
    expect(shanghai.lng).toBeCloseTo(121.527_210_6, 8);
    expect(shanghai.lat).toBeCloseTo(31.177_427_6, 8);
  });

  it('undoes the offset anywhere in China to within a millimetre', () => {
    const china = fc.record({
      lng: fc.double({ min: 73.5, max: 135, noNaN: true }),
      lat: fc.double({ min: 18, max: 53.5, noNaN: true }),
    });
    fc.assert(
      fc.property(china, (wgs) => {
        const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
        const metres = Math.hypot((back.lng - wgs.lng) * 111_000, (back.lat - wgs.lat) * 111_000);
        expect(metres).toBeLessThan(0.001);
      }),
    );
  });

  it('moves a map point in Wuhai back by the same few hundred metres', () => {
    const gcj = { lng: 106.8318, lat: 39.6746 };
    const wgs = gcj02ToWgs84(gcj);
    const metres = Math.hypot((gcj.lng - wgs.lng) * 85_000, (gcj.lat - wgs.lat) * 111_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1_000);
    expect(wgs84ToGcj02(wgs).lng).toBeCloseTo(gcj.lng, 9);
  });

  it('leaves a point outside China as it is', () => {
    expect(gcj02ToWgs84({ lng: -0.1276, lat: 51.5072 })).toEqual({ lng: -0.1276, lat: 51.5072 });
  });
});
