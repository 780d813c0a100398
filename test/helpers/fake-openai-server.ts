import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A small OpenAI-compatible server of our own on 127.0.0.1, so tests drive the SDK's real HTTP path (headers,
// retries, timeouts, JSON decoding) with no key and no internet. Each request takes the next scripted behaviour;
// once the script runs out, the default behaviour answers.

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type FakeBehaviour =
  /** A normal answer whose message content is `JSON.stringify(body)`. */
  | { kind: "json"; body: unknown; usage?: FakeUsage; model?: string }
  /** A normal answer with this exact content (e.g. prose instead of JSON). */
  | { kind: "text"; content: string; usage?: FakeUsage; finishReason?: "stop" | "length" | "content_filter" }
  | { kind: "refusal"; refusal: string }
  /** An error status, optionally with Retry-After in milliseconds (the SDK honours `retry-after-ms`). */
  | {
      kind: "status";
      status: number;
      retryAfterMs?: number;
      /** The standard header, in seconds (or an HTTP date). */ retryAfter?: string;
      body?: unknown;
    }
  | { kind: "raw"; status: number; contentType: string; body: string }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: "hang" }
  /** Answers with `then` after a pause, so a page can show its progress. */
  | { kind: "delay"; ms: number; then: FakeBehaviour }
  /** Decides from the request, e.g. quotes words of the description it received. */
  | { kind: "fn"; fn: (request: RecordedRequest) => FakeBehaviour };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    [k: string]: unknown;
  };
}

export interface FakeOpenAiServer {
  /** The base URL to give the SDK (`…/v1`). */
  baseURL: string;
  requests: RecordedRequest[];
  script(...behaviours: FakeBehaviour[]): void;
  setDefault(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

export const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 1000, completion_tokens: 500 };

function completion(content: string | null, extra: { refusal?: string; usage?: FakeUsage; model?: string; finishReason?: string } = {}) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_764_000_000,
    model: extra.model ?? "fake-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: extra.refusal ?? null },
        finish_reason: extra.finishReason ?? "stop",
        logprobs: null,
      },
    ],
    usage: {
      ...(extra.usage ?? DEFAULT_USAGE),
      total_tokens: (extra.usage ?? DEFAULT_USAGE).prompt_tokens + (extra.usage ?? DEFAULT_USAGE).completion_tokens,
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function respond(res: ServerResponse, behaviour: FakeBehaviour, request: RecordedRequest): void {
  switch (behaviour.kind) {
    case "json":
      return send(res, 200, completion(JSON.stringify(behaviour.body), { usage: behaviour.usage, model: behaviour.model }));
    case "text":
      return send(res, 200, completion(behaviour.content, { usage: behaviour.usage, finishReason: behaviour.finishReason }));
    case "refusal":
      return send(res, 200, completion(null, { refusal: behaviour.refusal }));
    case "status":
      return send(
        res,
        behaviour.status,
        behaviour.body ?? { error: { message: `fake status ${behaviour.status}`, type: "server_error", code: null } },
        {
          ...(behaviour.retryAfterMs !== undefined ? { "retry-after-ms": String(behaviour.retryAfterMs) } : {}),
          ...(behaviour.retryAfter !== undefined ? { "retry-after": behaviour.retryAfter } : {}),
        },
      );
    case "raw":
      res.writeHead(behaviour.status, { "content-type": behaviour.contentType });
      return void res.end(behaviour.body);
    case "hang":
      return;
    case "delay": {
      const timer = setTimeout(() => respond(res, behaviour.then, request), behaviour.ms);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "fn":
      return respond(res, behaviour.fn(request), request);
  }
}

export async function startFakeOpenAiServer(defaultBehaviour: FakeBehaviour = { kind: "status", status: 500 }): Promise<FakeOpenAiServer> {
  const queue: FakeBehaviour[] = [];
  let fallback = defaultBehaviour;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: RecordedRequest["body"] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        return send(res, 400, { error: { message: "body is not JSON" } });
      }
      const recorded: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      if (req.method !== "POST" || !(req.url ?? "").startsWith("/v1/chat/completions")) {
        return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
      }
      requests.push(recorded);
      respond(res, queue.shift() ?? fallback, recorded);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...b) => void queue.push(...b),
    setDefault: (b) => void (fallback = b),
    close: () =>
      new Promise<void>((ok) => {
        // Hanging requests keep sockets open; drop them so close() returns.
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The description the app sent, read back from the user message between the <description> tags. */
export function sentDescription(request: RecordedRequest): string {
  const user = request.body.messages?.find((m) => m.role === "user")?.content ?? "";
  return /<description>\n([\s\S]*)\n<\/description>/.exec(user)?.[1] ?? "";
}
