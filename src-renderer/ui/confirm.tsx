/** A promise-returning confirm dialog, so flows of questions read top to bottom. */
import { useState, type ReactNode } from "react";
import { Button } from "./button.tsx";
import { Dialog, DialogActions } from "./dialog.tsx";

export interface ConfirmOptions {
  title: string;
  message: string;
  confirm: string;
  danger?: boolean;
  /** A third choice (e.g. "Discard"), resolving to "alternative". */
  alternative?: string;
}
export type ConfirmAnswer = "confirm" | "alternative" | "cancel";

export function useConfirm(): [(options: ConfirmOptions) => Promise<ConfirmAnswer>, ReactNode] {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (a: ConfirmAnswer) => void } | null>(null);
  const ask = (options: ConfirmOptions) => new Promise<ConfirmAnswer>((resolve) => setPending({ options, resolve }));
  const answer = (a: ConfirmAnswer) => {
    pending?.resolve(a);
    setPending(null);
  };
  const element = pending ? (
    <Dialog open onOpenChange={(open) => !open && answer("cancel")} title={pending.options.title} description={pending.options.message}>
      <DialogActions>
        <Button onClick={() => answer("cancel")}>Cancel</Button>
        {pending.options.alternative ? (
          <Button variant="danger" onClick={() => answer("alternative")}>
            {pending.options.alternative}
          </Button>
        ) : null}
        <Button variant={pending.options.danger ? "danger" : "primary"} onClick={() => answer("confirm")} autoFocus>
          {pending.options.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  ) : null;
  return [ask, element];
}
