import { defineStoreContract } from "../../test/helpers/store-contract.ts";
import { MemoryStore } from "./memory.ts";

defineStoreContract("memory", async () => {
  const store = new MemoryStore();
  return { store, cleanup: async () => store.close() };
});
