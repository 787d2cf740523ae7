import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineStoreContract } from "../../../test/helpers/store-contract.ts";
import { openSqliteStore } from "./open.ts";

defineStoreContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "flowbench-store-"));
  const store = openSqliteStore(join(dir, "runs.db"));
  return {
    store,
    cleanup: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
