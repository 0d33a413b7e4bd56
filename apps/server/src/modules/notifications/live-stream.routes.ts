import { z } from 'zod';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { isAudienceOf } from '../../platform/realtime/live-event.js';
import { closeRealtime, liveBusOf } from '../../platform/realtime/realtime.js';
import { openSseConnection, type SseConnection } from './sse-connection.js';

/**
 * What `EventSource` sends. A caller not asking for an event stream (a plain fetch, a crawler) gets a 400
 * rather than a response that never ends.
 */
const StreamHeaders = z.object({
  accept: z.string().regex(/text\/event-stream/, '请以 EventSource 连接（Accept: text/event-stream）'),
});

/**
 * `GET /api/v1/stream`: server-sent events for the signed-in caller (session cookie — what `EventSource`
 * sends — or bearer token): case events of cases in his scope, his own new notifications, and
 * `warning.raised` events of his scope. Events raised in any server process on the same database arrive
 * (LISTEN/NOTIFY). First a `ready` event once subscribed; then each event with its topic as the SSE event
 * name and the `LiveEvent` (topic, at, data) as JSON. Every text in an event's data reaches a caller without
 * `personal_data.read` with its personal numbers masked, whoever published it. Streams end cleanly when the
 * server shuts down.
 */
export function registerLiveStreamRoutes(app: ApiInstance, ctx: AppContext): void {
  const open = new Set<SseConnection>();
  app.addHook('preClose', async () => {
    for (const connection of [...open]) connection.end();
  });
  app.addHook('onClose', async () => closeRealtime(ctx));

  app.get(
    '/api/v1/stream',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary: '实时推送 Server-sent events: case events in scope, own notifications, warnings',
        headers: StreamHeaders,
        response: {
          200: {
            description: 'Server-sent events: `ready`, then one event per topic with a LiveEvent as JSON',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // one place for every event of the stream: publishers write for everyone, each subscriber reads as he may
      const masking = freeTextMaskingFor(actor);
      let connection: SseConnection | undefined;
      const unsubscribe = await liveBusOf(ctx).subscribe((event) => {
        if (connection?.open && isAudienceOf(event, actor)) {
          connection.send(event.topic, {
            topic: event.topic,
            at: event.at,
            data: masking.values(event.data),
          });
        }
      });
      reply.hijack();
      const live = openSseConnection(reply.raw, () => {
        unsubscribe();
        open.delete(live);
      });
      connection = live;
      open.add(live);
      live.send('ready', { userId: actor.userId });
    },
  );
}
