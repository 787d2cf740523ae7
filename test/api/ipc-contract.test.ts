// The API contract over the desktop app's IPC: the real host (SQLite, flow files, worker-thread engine) behind
// the IPC adapter, the real preload and the renderer's IPC transport, over the in-process fake of Electron's IPC.
import { defineApiContract } from "../helpers/api-contract.ts";
import { startTestHost } from "../helpers/api-host.ts";
import { startIpcStack } from "../helpers/ipc-stack.ts";

defineApiContract("Electron IPC", async () => {
  const t = await startTestHost();
  const stack = startIpcStack(t.host);
  return {
    client: stack.client,
    home: t.home,
    flowsDir: t.flowsDir,
    close: async () => {
      stack.dispose();
      await t.close();
    },
  };
});
