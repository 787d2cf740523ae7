import { Dialog } from "../ui/dialog.tsx";
import { displayKeys, SHORTCUTS } from "./shortcuts.ts";

export function HelpOverlay({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Canvas shortcuts work when the focus is not in a text field or the code editor." wide>
      <table className="w-full" data-testid="shortcut-help">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1.5 pr-4">{s.description}</td>
              <td className="py-1.5 text-right">
                {displayKeys(s.keys)
                  .split("+")
                  .map((k, i) => (
                    <kbd key={i} className="ml-1 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-[11px] dark:border-zinc-700 dark:bg-zinc-800">
                      {k}
                    </kbd>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-zinc-500">Mouse: drag from the palette to add a node; double-click empty canvas for quick add; Shift+drag to box-select; Shift/Ctrl+click to add to the selection.</p>
    </Dialog>
  );
}
