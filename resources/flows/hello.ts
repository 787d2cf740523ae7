import { flow, getLogger, runFromCommandLine, task } from "flowbench";

export const fetchGreeting = task({
  retries: 2,
  retryDelayMs: 10,
}, async function fetchGreeting(name: string): Promise<string> {
  return `Hello, ${name}!`;
});

export const shout = task(async function shout(text: string): Promise<string> {
  getLogger().info(`shouting ${text.length} characters`);
  return text.toUpperCase();
});

export interface Params {
  /** Who to greet. */
  name?: string;
}

const hello = flow({ description: "Greets someone, loudly." }, async function hello({ name = "world" }: Params = {}) {
  const fetchGreetingResult = fetchGreeting.submit(name);
  const shoutResult = shout.submit(fetchGreetingResult);
  return await shoutResult;
});
export default hello;

if (import.meta.main) await runFromCommandLine(hello);

// flowbench:canvas
// {"ref":"params.name","id":"name","x":0,"y":0}
// {"ref":"fetchGreeting","id":"fetch-greeting","x":280,"y":0}
// {"ref":"shout","id":"shout","x":560,"y":0}
// {"ref":"return","id":"out","x":840,"y":0}
