// The load generator of `npm run bench:api`, run as a SEPARATE process so that it does not share an event loop (or a
// CPU thread) with the server it measures. Open loop: request i is due at start + i / rate whatever happened to the
// earlier ones, and its latency counts from that due time, not from when it was actually sent, so a stalled server
// shows up in the figures instead of slowing the generator down (no coordinated omission).
//
// Input: a LoadSpec as JSON on stdin {url, paths, rate, seconds, warmupSeconds, timeoutMs}; `paths` are requested
// round-robin.
// Output: one JSON line on stdout with the latencies' percentiles, error counts and the achieved rate.
// With `serial: n` instead, n requests one after another (closed loop, one connection): the server's service time.
// Requests say `accept-encoding: gzip`, as browsers do; times are to the end of the body as sent (not decompressed).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ACCEPT = { "accept-encoding": "gzip" };

export interface LoadSpec {
  url: string;
  paths: string[];
  rate: number;
  seconds: number;
  warmupSeconds: number;
  timeoutMs: number;
  /** After the last request is due, how long to wait for the rest before counting them as unanswered (ms). */
  drainMs?: number;
  /** Closed loop instead: this many requests, each sent when the previous one has been answered. */
  serial?: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  /** Non-200 answers and transport errors, by kind (first few). */
  errorKinds: Record<string, number>;
  /** Milliseconds from each request's due time to the end of its response body. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Requests per second actually answered during the measured window. */
  achievedRate: number;
  meanBytes: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** How late the generator itself sent requests (ms, p99): should be ~0. */
  sendLagP99: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export interface SerialResult {
  requests: number;
  /** The very first request (nothing cached, nothing JIT-compiled yet). */
  firstMs: number;
  errors: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanBytes: number;
}

function get(
  agent: http.Agent,
  target: URL,
  pathName: string,
  timeoutMs: number,
): Promise<{ status: number; size: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { agent, host: target.hostname, port: target.port, path: pathName, headers: ACCEPT, timeout: timeoutMs },
      (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, size }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

async function serial(spec: LoadSpec, count: number): Promise<SerialResult> {
  const target = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  // A few unmeasured requests first (JIT, the server's first queries); the measured ones follow on other paths.
  const warmup = Math.min(20, Math.max(1, spec.paths.length - count));
  const start = performance.now();
  await get(agent, target, spec.paths[0] as string, spec.timeoutMs);
  const firstMs = performance.now() - start;
  for (let i = 1; i < warmup; i++)
    await get(agent, target, spec.paths[i % spec.paths.length] as string, spec.timeoutMs);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const path = spec.paths[(warmup + i) % spec.paths.length] as string;
    const { status, size } = await get(agent, target, path, spec.timeoutMs);
    if (status !== 200) errors++;
    else {
      times.push(performance.now() - t0);
      bytes += size;
    }
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    requests: count,
    firstMs: round(firstMs),
    errors,
    meanMs: round(times.reduce((s, x) => s + x, 0) / Math.max(1, times.length)),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? Number.NaN),
    meanBytes: Math.round(bytes / Math.max(1, times.length)),
  };
}

async function run(spec: LoadSpec): Promise<LoadResult | SerialResult> {
  if (spec.serial !== undefined) return serial(spec, spec.serial);
  const target = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const interval = 1000 / spec.rate;
  const warmup = Math.round(spec.warmupSeconds * spec.rate);
  const total = warmup + Math.round(spec.seconds * spec.rate);
  const latencies: number[] = [];
  const lags: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let done = 0;
  let firstMeasuredDue = 0;
  let lastMeasuredEnd = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  // Set once the run is over: requests still open then were counted already and are torn down without counting.
  let closed = false;
  const fail = (kind: string, measured: boolean) => {
    if (!measured || closed) return;
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  /** Measured requests sent and not yet settled. */
  let measuredOpen = 0;

  const fire = (i: number, due: number) => {
    const measured = i >= warmup;
    const sent = performance.now();
    if (measured) {
      lags.push(sent - due);
      measuredOpen++;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Each request settles once: an answer, or its first error (a response error can be followed by a request one).
    let settled = false;
    const settle = (error?: string) => {
      if (settled || closed) return;
      settled = true;
      if (error !== undefined) fail(error, measured);
      if (measured) measuredOpen--;
      inFlight--;
      done++;
      if (done === total) finish();
    };
    const req = http.get(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: spec.paths[i % spec.paths.length],
        headers: ACCEPT,
        timeout: spec.timeoutMs,
      },
      (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
        });
        res.on("end", () => {
          const end = performance.now();
          if (res.statusCode !== 200) return settle(`HTTP ${res.statusCode}`);
          if (measured) {
            latencies.push(end - due);
            bytes += size;
            lastMeasuredEnd = Math.max(lastMeasuredEnd, end);
          }
          settle();
        });
        res.on("error", (error) => settle(error.message));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout after ${spec.timeoutMs} ms`)));
    req.on("error", (error) => settle(error.message));
  };

  const start = performance.now() + 20;
  firstMeasuredDue = start + warmup * interval;
  let next = 0;
  const tick = () => {
    const now = performance.now();
    while (next < total && start + next * interval <= now) {
      fire(next, start + next * interval);
      next++;
    }
    if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now() - 0.5));
  };
  setTimeout(tick, 20);
  // An overloaded server would keep us waiting for minutes: past the drain time, what is left counts as unanswered.
  const lastDue = start + total * interval;
  const drained = await Promise.race([
    finished.then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), lastDue - performance.now() + (spec.drainMs ?? 15_000)),
    ),
  ]);
  if (!drained && measuredOpen > 0) {
    errors += measuredOpen;
    errorKinds["no answer by the end of the drain"] = measuredOpen;
  }
  closed = true;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const measured = total - warmup;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: measured,
    ok: latencies.length,
    errors,
    errorKinds,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? Number.NaN),
    mean: round(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
    achievedRate: round(latencies.length / Math.max(0.001, (lastMeasuredEnd - firstMeasuredDue) / 1000)),
    meanBytes: Math.round(bytes / Math.max(1, latencies.length)),
    maxInFlight,
    sendLagP99: round(percentile(lags, 99)),
  };
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  readStdin()
    .then((text) => run(JSON.parse(text) as LoadSpec))
    .then(
      (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
      (error: unknown) => {
        process.stderr.write(`bench:api load: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      },
    );
}
