import { describe, expect, it } from 'vitest';
import { dataUrlBytes, PHOTO_MAX_EDGE, scaledSize } from './photo-compression.js';

describe('compressing a photo on the phone', () => {
  it('scales a camera picture down to the longest edge allowed, keeping its shape', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: PHOTO_MAX_EDGE, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: PHOTO_MAX_EDGE });
  });

  it('leaves a small picture as it is', () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('never draws a sliver at zero pixels', () => {
    expect(scaledSize(100_000, 10)).toEqual({ width: PHOTO_MAX_EDGE, height: 1 });
  });

  it('counts the bytes a data URL decodes to', () => {
    const bytes = Buffer.from('a photo of a broken manhole cover');
    const url = `data:image/jpeg;base64,${bytes.toString('base64')}`;
    expect(dataUrlBytes(url)).toBe(bytes.length);
    for (const n of [1, 2, 3]) {
      expect(dataUrlBytes(`data:image/png;base64,${Buffer.alloc(n).toString('base64')}`)).toBe(n);
    }
  });
});
