import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineQueryContract } from "../../../test/helpers/store-query-contract.ts";
import { defineStatsContract } from "../../../test/helpers/store-stats-contract.ts";
import { defineChangesContract } from "../../../test/helpers/store-changes-contract.ts";
import { defineStoreContract } from "../../../test/helpers/store-contract.ts";
import { openSqliteStore } from "./open.ts";

const fresh = async () => {
  const dir = mkdtempSync(join(tmpdir(), "flowbench-store-"));
  const store = openSqliteStore(join(dir, "runs.db"));
  return {
    store,
    cleanup: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
defineStoreContract("sqlite", fresh);
defineChangesContract("sqlite", fresh);
defineQueryContract("sqlite", fresh);
defineStatsContract("sqlite", fresh);
