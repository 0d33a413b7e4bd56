import { describe, expect, it } from 'vitest';
import {
  findingStateLabel,
  formatDistance,
  formatDuration,
  lastVisitLabel,
  taskStateLabel,
} from './phone-labels.js';

describe('what the phone app writes for people', () => {
  it('names states in Chinese from the shared tables, and in English', () => {
    expect(findingStateLabel('solved', 'zh-CN')).toBe('就地解决');
    expect(findingStateLabel('escalated', 'en')).toBe('Reported up');
    expect(taskStateLabel('assigned', 'zh-CN')).toBe('待办理');
  });

  it('writes a walk in metres and a longer one in kilometres', () => {
    expect(formatDistance(456.4, 'zh-CN')).toBe('456 米');
    expect(formatDistance(1234, 'zh-CN')).toBe('1.23 公里');
    expect(formatDistance(1234, 'en')).toBe('1.23 km');
  });

  it('writes a patrol’s time as a clock', () => {
    expect(formatDuration(309)).toBe('05:09');
    expect(formatDuration(3909)).toBe('1:05:09');
    expect(formatDuration(-3)).toBe('00:00');
  });

  it('says how long ago a household was last visited, in days of the phone’s calendar', () => {
    const now = new Date(2026, 11, 6, 9, 30);
    const at = (day: number, hour: number) => new Date(2026, 11, day, hour).toISOString();
    expect(lastVisitLabel(null, now, 'zh-CN')).toBe('从未走访');
    expect(lastVisitLabel(at(6, 8), now, 'zh-CN')).toBe('今天走访');
    expect(lastVisitLabel(at(5, 23), now, 'zh-CN')).toBe('昨天走访');
    expect(lastVisitLabel(at(1, 10), now, 'zh-CN')).toBe('5 天前走访');
    expect(lastVisitLabel(at(1, 10), now, 'en')).toBe('Visited 5 days ago');
    expect(lastVisitLabel(null, now, 'en')).toBe('Never visited');
  });
});
