import { describe, expect, it } from 'vitest';
import { parseEvents } from './room-stream.js';

describe('parseEvents', () => {
  it('reads named and unnamed events and keeps an unfinished one for the next chunk', () => {
    const { events, rest } = parseEvents(
      'event: ready\ndata: {"disputeId":7}\n\nevent: message\ndata: {"id":1}\n\n: ping\n\ndata: {"id":2}\r\n\r\nevent: mess',
    );
    expect(events).toEqual([
      { name: 'ready', data: '{"disputeId":7}' },
      { name: 'message', data: '{"id":1}' },
      { name: 'message', data: '{"id":2}' },
    ]);
    expect(rest).toBe('event: mess');
  });
});
