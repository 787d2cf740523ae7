import { createClient } from "../../shared/api/client.ts";
import { startServer } from "../../src-main/server/index.ts";
import { createHttpTransport } from "../../src-renderer/api/http-transport.ts";
import { defineApiContract } from "../helpers/api-contract.ts";
import { startTestHost } from "../helpers/api-host.ts";

defineApiContract("HTTP and WebSocket", async () => {
  const t = await startTestHost();
  const server = await startServer({ host: t.host, port: 0 });
  const client = createClient(createHttpTransport({ baseUrl: server.url, token: server.token }));
  return {
    client,
    home: t.home,
    flowsDir: t.flowsDir,
    close: async () => {
      client.close();
      await server.close();
      await t.close();
    },
  };
});
