/**
 * Preloaded into the server by tests/bench/memory.mjs (`node --require`): answers the
 * bench's IPC messages with the server's own memory figures, and writes a heap snapshot
 * on request. Nothing of it is part of the app.
 */
"use strict";
const v8 = require("node:v8");

if (typeof process.send === "function") {
  process.on("message", (message) => {
    if (!message || typeof message !== "object") return;
    if (message.type === "memory") {
      if (message.gc && typeof globalThis.gc === "function") globalThis.gc();
      process.send({ type: "memory", id: message.id, usage: process.memoryUsage() });
    } else if (message.type === "snapshot") {
      const file = v8.writeHeapSnapshot(message.file);
      process.send({ type: "snapshot", id: message.id, file });
    }
  });
  // The IPC channel must not keep a server alive that was told to stop.
  process.channel?.unref();
}
