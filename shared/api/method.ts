/** How a method is declared: its input, its output, and whether it changes anything. */
import type { z } from "zod";

export interface MethodDef {
  input: z.ZodType;
  output: z.ZodType;
  /** Changes something: needs the server token, and is never retried by clients. */
  mutation: boolean;
}

export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output, mutation: false as const });
export const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output, mutation: true as const });
