import { describe, expect, it } from 'vitest';
import { isDeviceOnline, offlineAt, onlineShare } from './iot-device-health.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 9, 12, 1, minutes));

describe('device health', () => {
  it.each([
    { lastSeen: null, minutes: 0, online: false },
    { lastSeen: 0, minutes: 0, online: true },
    { lastSeen: 0, minutes: 5, online: true },
    { lastSeen: 0, minutes: 10, online: true },
    { lastSeen: 0, minutes: 11, online: false },
  ])(
    'counts a 5-minute device last heard at $lastSeen online at minute $minutes: $online',
    ({ lastSeen, minutes, online }) => {
      expect(isDeviceOnline(lastSeen === null ? null : at(lastSeen), 300, at(minutes))).toBe(online);
    },
  );

  it('turns a device offline two heartbeat intervals after it was last heard from, never one never heard', () => {
    expect(offlineAt(at(0), 1800)).toEqual(at(60));
    expect(offlineAt(null, 300)).toBeNull();
  });

  it('shares the devices online, 0 for an estate without devices', () => {
    expect(onlineShare(3, 4)).toBe(0.75);
    expect(onlineShare(0, 0)).toBe(0);
  });
});
