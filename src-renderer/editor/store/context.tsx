/** One store per open flow document, handed down through context (xyflow's and zustand's pattern). */
import { createContext, useContext, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import type { DocumentStore } from "./types.ts";

const DocumentContext = createContext<StoreApi<DocumentStore> | null>(null);

export function DocumentProvider({ store, children }: { store: StoreApi<DocumentStore>; children: ReactNode }) {
  return <DocumentContext.Provider value={store}>{children}</DocumentContext.Provider>;
}

export function useDocumentStoreApi(): StoreApi<DocumentStore> {
  const store = useContext(DocumentContext);
  if (!store) throw new Error("Flowbench: a document hook was used outside <DocumentProvider>; wrap the editor in it");
  return store;
}

/** Reads a slice of the open document; re-renders only when the selected value changes (Object.is). */
export function useDocument<T>(selector: (state: DocumentStore) => T): T {
  return useStore(useDocumentStoreApi(), selector);
}
