/** A value read from the host on mount: null until it first arrives, the last read's error, and a way to read it again. */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from "react";
import type { ApiClient } from "../../shared/api/client.ts";
import { useApi } from "./api-context.tsx";

export interface Fetched<T> {
  value: T | null;
  error: string | null;
  reload(): Promise<void>;
  /** Changes the value in place, e.g. after a mutation whose answer is the new record. */
  setValue: Dispatch<SetStateAction<T | null>>;
}

/** `read` should be stable (defined outside the component): a new one reads again. */
export function useFetched<T>(read: (client: ApiClient) => Promise<T>): Fetched<T> {
  const client = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await read(client));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client, read]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload, setValue };
}
