import { describe, expect, it } from 'vitest';
import { estateState } from './iot-estate-state.js';

describe('estateState', () => {
  it('shows active alerts first, then a high share offline, else normal', () => {
    expect(estateState({ devices: 10, devicesOnline: 2, activeAlerts: 1 })).toBe('alerting');
    expect(estateState({ devices: 10, devicesOnline: 7, activeAlerts: 0 })).toBe('offline');
    expect(estateState({ devices: 10, devicesOnline: 8, activeAlerts: 0 })).toBe('normal');
  });

  it('counts an estate without devices as normal', () => {
    expect(estateState({ devices: 0, devicesOnline: 0, activeAlerts: 0 })).toBe('normal');
  });
});
