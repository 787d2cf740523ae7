/** The end of a form: Cancel, and the submit button that reads "Saving…" while the save runs. */
import { Button } from "./button.tsx";

export function FormActions({ onCancel, saving, saveLabel, saveTestId }: { onCancel: () => void; saving: boolean; saveLabel: string; saveTestId: string }) {
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="primary" type="submit" disabled={saving} data-testid={saveTestId}>
        {saving ? "Saving…" : saveLabel}
      </Button>
    </div>
  );
}
