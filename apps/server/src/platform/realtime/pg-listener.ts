import pg from 'pg';
import type { Logger } from '../logging/logger.js';

/** A function called with the payload of each NOTIFY on a channel. */
export type ChannelHandler = (payload: string) => void;

const RECONNECT_MS = 1_000;

/**
 * One dedicated PostgreSQL connection (outside the pool: a LISTEN must stay on one session) that listens on
 * the channels its handlers ask for. Opens on the first handler, closes after the last one leaves, and
 * reconnects after a lost connection (NOTIFYs sent meanwhile are missed: its users poll or reload).
 */
export class PgListener {
  private readonly handlers = new Map<string, Set<ChannelHandler>>();
  private readonly reconnected = new Set<() => void>();
  private connectedBefore = false;
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly logger: Logger,
  ) {}

  /** Listens on `channel` with `handler`; resolves once the LISTEN is in place. The answer stops it. */
  async listen(channel: string, handler: ChannelHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    const fresh = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    await this.ensureConnected();
    if (fresh && this.client) await this.client.query(`listen ${quoteChannel(channel)}`);
    return () => this.unlisten(channel, handler);
  }

  /**
   * Calls `callback` each time the connection is opened again after the first time: NOTIFYs sent while it
   * was down are lost, and whoever relies on them must assume anything changed.
   */
  onReconnect(callback: () => void): void {
    this.reconnected.add(callback);
  }

  /** Closes the connection and forgets every handler. */
  async close(): Promise<void> {
    this.handlers.clear();
    this.reconnected.clear();
    await this.disconnect();
  }

  private async unlisten(channel: string, handler: ChannelHandler): Promise<void> {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size > 0) return;
    this.handlers.delete(channel);
    if (this.handlers.size === 0) {
      await this.disconnect();
      return;
    }
    await this.client?.query(`unlisten ${quoteChannel(channel)}`).catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      for (const handler of [...(this.handlers.get(message.channel) ?? [])]) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.error({ err: error, channel: message.channel }, 'NOTIFY handler failed');
        }
      }
    });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${quoteChannel(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    if (this.connectedBefore) for (const callback of this.reconnected) callback();
    this.connectedBefore = true;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.handlers.size === 0) return;
    this.logger.warn({ err: error }, 'LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.handlers.size === 0) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.handlers.size === 0 || this.client) return;
      this.ensureConnected().catch((reason: unknown) => {
        this.logger.warn({ err: reason }, 'LISTEN reconnect failed');
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  private async disconnect(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** A channel name as an SQL identifier (LISTEN takes no parameters). */
function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
