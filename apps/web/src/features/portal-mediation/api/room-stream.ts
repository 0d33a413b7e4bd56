/** One server-sent event: its name (`message` when unnamed) and its data. */
export interface StreamEvent {
  name: string;
  data: string;
}

/** The events complete in `buffer` (each ends with a blank line) and what is left of it. */
export function parseEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    return data.length > 0 || name !== 'message' ? [{ name, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

/**
 * Reads a server-sent event stream with `fetch`, which (unlike `EventSource`) may send headers — a party's
 * room token travels in one. Calls `onEvent` for each event until the stream ends, fails or `signal` aborts;
 * resolves when it ends, rejects when it cannot be opened.
 */
export async function readEventStream(
  path: string,
  headers: Record<string, string>,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(path, { headers: { ...headers, Accept: 'text/event-stream' }, signal });
  if (!response.ok || !response.body) throw new Error(`stream ${path}: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const parsed = parseEvents(buffer + value);
    buffer = parsed.rest;
    for (const event of parsed.events) onEvent(event);
  }
}
