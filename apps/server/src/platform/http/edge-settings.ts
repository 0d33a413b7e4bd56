import net from 'node:net';
import { z } from 'zod';

/** Address ranges proxy-addr (Fastify's `trustProxy`) knows by name. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whether `entry` is an address, an address range in CIDR notation, or one of the named ranges. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A hop-count trust for Fastify (its types take no number): the nearest `hops` proxies, whatever their address. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * `TRUST_PROXY`: which proxies in front of the server may say who the client is (`X-Forwarded-For`, `-Proto`,
 * `-Host`). A hop count (`1`: the nearest proxy, whatever its address) or a comma-separated list of
 * addresses and CIDR ranges (`10.0.0.5, 172.16.0.0/12, loopback`). Absent: no proxy is trusted and the
 * client is the socket's peer — forwarded headers are then ignored, so nobody can pick their own address.
 */
export const TrustProxySetting = z
  .string()
  .default('')
  .transform((value, ctx): ((address: string, hop: number) => boolean) | string[] | false => {
    if (value.trim() === '') return false;
    if (/^\d+$/.test(value.trim())) return trustHops(Number(value.trim()));
    const entries = commaList(value);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a hop count or addresses/CIDR ranges; not understood: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * `PUBLIC_ORIGIN`: the origins (scheme://host[:port]) the web app is served from besides the request's own,
 * comma-separated (`https://12345.wuhai.gov.cn`). A cookie-authenticated write from a page of any other
 * origin is refused as CSRF.
 */
export const OriginListSetting = z
  .string()
  .default('')
  .transform((value, ctx): string[] => {
    const origins: string[] = [];
    for (const entry of commaList(value)) {
      const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
      if (origin === 'null' || origin !== entry.replace(/\/$/, '')) {
        ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${entry}` });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });
