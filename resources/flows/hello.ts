import { flow, getLogger, task } from "flowbench";

const fetchGreeting = task({ retries: 2, retryDelayMs: 10 }, async function fetchGreeting(name: string) {
  return `Hello, ${name}!`;
});

const shout = task(async function shout(text: string) {
  getLogger().info(`shouting ${text.length} characters`);
  return text.toUpperCase();
});

export const hello = flow({ name: "hello", description: "Greets someone, loudly." }, async function hello(params: { name: string }) {
  const greeting = fetchGreeting.submit(params.name);
  return shout(greeting);
});

export default hello;

if (import.meta.main) console.log(await hello({ name: "world" }));
