/** What a user does with a mouse on the editor, as Playwright steps. */
import type { Locator, Page } from "playwright-core";

export async function dragFromPalette(page: Page, key: string, at: { x: number; y: number }): Promise<void> {
  const canvas = page.getByTestId("flow-canvas");
  await page.getByTestId(`palette-item-${key}`).dragTo(canvas, { targetPosition: at });
}

export function nodesOfKind(page: Page, kind: string): Locator {
  return page.locator(`[data-testid^="node-"][data-kind="${kind}"]`);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${String(locator)}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from a node's output handle to a target handle, as a user does. */
export async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

export function outputHandle(node: Locator, id = "out"): Locator {
  return node.locator(`.react-flow__handle.source[data-handleid="${id}"]`);
}

export function inputHandle(node: Locator, id: string): Locator {
  return node.locator(`.react-flow__handle.target[data-handleid="${id}"]`);
}

/** Calls the API as a script would, with the server's token. */
export async function api<T>(url: string, token: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${url}/api/call/${method}`, { method: "POST", headers: { "content-type": "application/json", "x-flowbench-token": token }, body: JSON.stringify(input) });
  const envelope = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.result;
}
