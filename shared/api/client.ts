/**
 * The typed API client: `client.call("runs.list", { limit: 50 })`, with input and
 * output types from the contract. A failure rejects with an ApiError carrying
 * the server's code and message, never a bare transport error.
 */
import { ApiError } from "./errors.ts";
import type { EventBatch, Subscription } from "./events.ts";
import type { MethodInput, MethodName, MethodOutput } from "./contract.ts";
import type { Transport } from "./transport.ts";

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(subscription: Subscription, onBatch: (batch: EventBatch) => void, onError?: (error: Error) => void): () => void;
  close(): void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      let envelope;
      try {
        envelope = await transport.call(method, input);
      } catch (error) {
        throw new ApiError("unavailable", `The Flowbench host did not answer ${method}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (envelope.ok) return envelope.result as never;
      throw ApiError.fromBody(envelope.error);
    },
    subscribe: (subscription, onBatch, onError) => transport.subscribe(subscription, onBatch, onError),
    close: () => transport.close?.(),
  };
}
