import { z } from 'zod';

/** `GET /api/v1/iot/ingestion`: what the ingestion pipeline has seen, HTTP and MQTT alike. */
export const IngestionCounters = z
  .object({
    /** when this process started counting */
    since: z.string(),
    /**
     * messages received: HTTP requests to `POST /api/v1/iot/alerts`, MQTT deliveries (alerts and heartbeats; a
     * batch the database failed is delivered, and counted, again)
     */
    received: z.object({ http: z.number().int(), mqtt: z.number().int() }),
    /** messages taken in: alerts raised, repeats counted, Cancels, MQTT heartbeats */
    stored: z.number().int(),
    /** alerts seen before (the same device and alert id), answered as they were */
    duplicates: z.number().int(),
    /**
     * messages malformed or refused, by stable code: MALFORMED_JSON, VALIDATION_FAILED, SIGNATURE_INVALID,
     * TIMESTAMP_STALE, TIMESTAMP_REPLAYED, DEVICE_UNKNOWN, ALERT_TYPE_NOT_ALLOWED, MALFORMED_PAYLOAD (MQTT),
     * TOPIC_UNKNOWN (MQTT) …
     */
    refused: z.record(z.string(), z.number().int()),
    /** MQTT group commits: batches written, and the messages of the last one */
    batches: z.number().int(),
    lastBatchSize: z.number().int(),
    /** whether this process subscribes to a broker (`MQTT_URL`) */
    mqttConfigured: z.boolean(),
    /** MQTT consumers connected now */
    consumers: z.number().int(),
  })
  .meta({
    id: 'IngestionCounters',
    description:
      'Per process: the counters of the process that answered, in memory since it started (not the database’s, ' +
      'not summed over several processes; a restart starts them again at zero)',
  });
export type IngestionCounters = z.infer<typeof IngestionCounters>;
