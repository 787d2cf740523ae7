/** One trigger: a webhook with its URL (copyable) or a file watch with its folder and glob; on/off, new secret, delete. */
import { Check, Copy, FolderSearch, KeyRound, Trash2, Webhook } from "lucide-react";
import { useState } from "react";
import type { TriggerRecord } from "../../shared/schedule/records.ts";
import { Button } from "../ui/button.tsx";
import { ActiveSwitch } from "./active-switch.tsx";
import { appOrigin, webhookUrl } from "./webhook-url.ts";

export function TriggerRow({ trigger, busy, onToggle, onRotate, onDelete }: { trigger: TriggerRecord; busy: boolean; onToggle: (active: boolean) => void; onRotate: () => void; onDelete: () => void }) {
  const url = webhookUrl(appOrigin(location), trigger);
  const c = trigger.config;
  return (
    <li data-testid={`trigger-${trigger.id}`} className="flex items-start gap-3 border-b border-zinc-100 px-1 py-2.5 last:border-b-0 dark:border-zinc-800">
      <div className="pt-0.5">
        <ActiveSwitch checked={trigger.active} onChange={onToggle} disabled={busy} label={trigger.active ? `Turn off ${trigger.name}` : `Turn on ${trigger.name}`} testId="trigger-active" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-1.5 font-medium">
          {c.kind === "webhook" ? <Webhook size={13} className="text-zinc-400" /> : <FolderSearch size={13} className="text-zinc-400" />}
          <span className="truncate">{trigger.name}</span>
        </p>
        {c.kind === "webhook" ? (
          url ? (
            <div className="mt-1 flex items-center gap-1">
              <code data-testid="webhook-url" className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11.5px] dark:bg-zinc-800" title={url}>
                {url}
              </code>
              <CopyButton text={url} />
            </div>
          ) : null
        ) : (
          <p className="text-[12px] text-zinc-600 dark:text-zinc-400">
            Files matching <code className="font-mono">{c.glob}</code> in <code className="font-mono">{c.folder}</code> → parameter <code className="font-mono">{c.param}</code>
          </p>
        )}
        {c.kind === "webhook" && !url?.startsWith("http") ? <p className="text-[11px] text-zinc-500">POST to this path on the address `flowbench server` prints.</p> : null}
      </div>
      {c.kind === "webhook" ? <Button variant="ghost" label="New secret (the old URL stops working)" icon={<KeyRound size={14} />} onClick={onRotate} disabled={busy} data-testid="trigger-rotate" /> : null}
      <Button variant="ghost" label={`Delete ${trigger.name}`} icon={<Trash2 size={14} />} onClick={onDelete} disabled={busy} data-testid="trigger-delete" />
    </li>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      label={copied ? "Copied" : "Copy the URL"}
      icon={copied ? <Check size={14} className="text-emerald-600" /> : <Copy size={14} />}
      data-testid="copy-webhook-url"
      onClick={() => {
        // The clipboard API exists on secure origins only (localhost is one).
        const clipboard = navigator.clipboard as Clipboard | undefined;
        if (!clipboard) return;
        void clipboard.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    />
  );
}
