import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { OutboundPolicy } from './outbound-policy';

/** A webhook's answer body beyond this is cut off: a receiver cannot flood a worker's memory. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface OutboundRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** A webhook the policy refuses: the run fails with this message, and nothing was sent. */
export class OutboundRefusedError extends Error {}

/**
 * The connection's own DNS lookup: resolves every address of the host, refuses the lot if
 * any is one the policy forbids, and hands the checked addresses to the socket, so what is
 * connected to is what was checked (no second lookup a DNS-rebinding server could answer).
 */
function checkedLookup(policy: OutboundPolicy, url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const problem = addresses.map((a) => policy.addressProblem(a.address)).find((p) => p !== null);
      if (problem || addresses.length === 0) return callback(new OutboundRefusedError(`The webhook URL ${url} ${problem ?? 'resolves to no address'}.`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Sends one request under the outbound policy. Redirects are not followed (a 3xx is the
 * answer), since a redirect could point anywhere the allow-list does not.
 */
export function sendOutboundRequest(rawUrl: string, request: OutboundRequest, policy: OutboundPolicy): Promise<{ status: number; text: string }> {
  const problem = policy.urlProblem(rawUrl);
  if (problem) return Promise.reject(new OutboundRefusedError(`The webhook URL ${rawUrl} ${problem}.`));
  const url = new URL(rawUrl);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      { method: request.method, headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) }, signal: request.signal, lookup: checkedLookup(policy, rawUrl), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size >= MAX_ANSWER_BYTES) return;
          size += chunk.length;
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
