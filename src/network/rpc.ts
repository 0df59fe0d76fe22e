// A minimal JSON-RPC client over fetch, with batches: the seeding sends hundreds of transactions in a few requests.

export interface RpcRequest {
  method: string;
  params?: readonly unknown[];
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export type RpcResponse = { result: unknown; error?: undefined } | { result?: undefined; error: RpcErrorObject };

export class RpcError extends Error {
  override name = "RpcError";
  constructor(
    readonly method: string,
    readonly error: RpcErrorObject,
  ) {
    super(`${method}: ${error.message}`);
  }
}

/** Requests per HTTP batch; anvil handles far more, but small batches keep a failure's blast radius small. */
const BATCH_SIZE = 250;

export class JsonRpc {
  private nextId = 1;

  constructor(
    readonly url: string,
    private readonly timeoutMs = 30_000,
  ) {}

  private async post(body: unknown): Promise<unknown> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`JSON-RPC ${this.url}: HTTP ${response.status} ${response.statusText}`);
    return response.json();
  }

  /** One call; throws an RpcError if the node answers with an error. */
  async call<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const body = (await this.post({ jsonrpc: "2.0", id: this.nextId++, method, params })) as {
      result?: unknown;
      error?: RpcErrorObject;
    };
    if (body.error) throw new RpcError(method, body.error);
    return body.result as T;
  }

  /** Many calls in as few HTTP requests as possible; answers come back in the order of the requests. */
  async batch(requests: readonly RpcRequest[]): Promise<RpcResponse[]> {
    const out: RpcResponse[] = [];
    for (let start = 0; start < requests.length; start += BATCH_SIZE) {
      const chunk = requests.slice(start, start + BATCH_SIZE);
      const firstId = this.nextId;
      this.nextId += chunk.length;
      const body = await this.post(
        chunk.map((request, i) => ({
          jsonrpc: "2.0",
          id: firstId + i,
          method: request.method,
          params: request.params ?? [],
        })),
      );
      if (!Array.isArray(body)) throw new Error(`JSON-RPC ${this.url}: a batch was answered with a non-array`);
      const byId = new Map<number, RpcResponse>();
      for (const item of body as { id: number; result?: unknown; error?: RpcErrorObject }[]) {
        byId.set(item.id, item.error ? { error: item.error } : { result: item.result });
      }
      for (let i = 0; i < chunk.length; i++) {
        const answer = byId.get(firstId + i);
        if (!answer) throw new Error(`JSON-RPC ${this.url}: no answer to ${chunk[i]?.method} in a batch`);
        out.push(answer);
      }
    }
    return out;
  }

  /** Like `batch`, but throws on the first error. */
  async batchOrThrow<T = unknown>(requests: readonly RpcRequest[]): Promise<T[]> {
    const answers = await this.batch(requests);
    return answers.map((answer, i) => {
      if (answer.error) throw new RpcError(requests[i]?.method ?? "?", answer.error);
      return answer.result as T;
    });
  }
}

/** True if something at `url` answers eth_chainId; resolves to the chain id or undefined. */
export async function probeChainId(url: string, timeoutMs = 1000): Promise<number | undefined> {
  try {
    const id = await new JsonRpc(url, timeoutMs).call<string>("eth_chainId");
    return typeof id === "string" ? Number(BigInt(id)) : undefined;
  } catch {
    return undefined;
  }
}
