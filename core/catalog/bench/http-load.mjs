// A closed-loop HTTP/1.1 load generator for the benchmarks: `connections` keep-alive sockets,
// each sending its next request as soon as the previous answer is complete, until the deadline.
// It writes requests and frames answers (Content-Length or chunked) itself rather than through
// node:http, which costs the client several times the CPU; on a 2-core machine every cycle the
// load generator spends is taken from the portal and Redis under test.
import net from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}

function encodeRequest({ method, path, body }) {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const headers = payload ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` : '';
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n${payload}`;
}

/** Where the answer starting at `buffer[0]` ends, or -1 while it is incomplete. */
function answerEnd(buffer) {
  const head = buffer.indexOf(HEAD_END);
  if (head < 0) return -1;
  const headers = buffer.toString('latin1', 0, head);
  const length = /\r\ncontent-length: *(\d+)/i.exec(headers);
  if (length) {
    const end = head + 4 + Number(length[1]);
    return buffer.length >= end ? end : -1;
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(headers)) {
    const end = buffer.indexOf(CHUNKED_END, head);
    return end < 0 ? -1 : end + CHUNKED_END.length;
  }
  throw new Error(`an answer with neither Content-Length nor chunked encoding: ${headers.split('\r\n')[0]}`);
}

/**
 * Runs `makeRequest()` ({method, path, body?}) against 127.0.0.1:`port` for `durationMs`.
 * Returns {rps, p50, p99, requests, errors, firstError?}, with the sorted latencies (ms) and
 * the elapsed seconds as non-enumerable `latencies` and `seconds` (for merging rounds).
 */
export async function httpLoad(port, makeRequest, durationMs, connections = 16) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const deadline = performance.now() + durationMs;
  const connection = () =>
    new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      let pending = null;
      let started = 0;
      const send = () => {
        if (performance.now() >= deadline) {
          socket.end();
          return resolve();
        }
        started = performance.now();
        socket.write(encodeRequest(makeRequest()));
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk;
        const end = answerEnd(pending);
        if (end < 0) return;
        latencies.push(performance.now() - started);
        const status = Number(pending.toString('latin1', 9, 12));
        if (status >= 400) {
          errors++;
          firstError ??= `${status} ${pending.toString('utf8', pending.indexOf(HEAD_END) + 4, Math.min(end, pending.indexOf(HEAD_END) + 204))}`;
        }
        pending = end < pending.length ? pending.subarray(end) : null;
        send();
      });
      socket.on('error', (error) => {
        errors++;
        firstError ??= error.message;
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result = { rps: Math.round(latencies.length / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length, errors, ...(firstError ? { firstError } : {}) };
  Object.defineProperty(result, 'latencies', { value: latencies, enumerable: false });
  Object.defineProperty(result, 'seconds', { value: seconds, enumerable: false });
  return result;
}

export { percentile };
