import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Reads that one request repeats (the signed-in person in the root's and the page's
 * loaders, the local guide in several domain functions) answered once per request
 * (decision 032). The server runs every request inside `withRequestMemo`; code outside a
 * request (tests calling a loader, the scheduler) reads afresh every time. Any write
 * transaction in the request forgets everything, so a loader after an action never sees
 * what was read before the action's write.
 */
type Memo = Map<string, Promise<unknown>>;
// One store per process, though the server (build/server.js) and the Remix build
// (build/index.js) each bundle their own copy of this module.
const key = Symbol.for("stafettlogg.request-memo");
const store: AsyncLocalStorage<Memo> = ((globalThis as Record<symbol, unknown>)[key] ??= new AsyncLocalStorage<Memo>()) as AsyncLocalStorage<Memo>;

export function withRequestMemo<T>(fn: () => T): T {
  return store.run(new Map(), fn);
}

/** `read()` once per request under `key`; a read that fails is not kept. */
export function memoized<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return read();
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    memo.set(key, answer);
    answer.catch(() => memo.delete(key));
  }
  return answer;
}

/** Forget what this request has read (called after every write transaction commits or fails). */
export function forgetRequestMemo(): void {
  store.getStore()?.clear();
}
