/** Made by scripts/vite/sdk-types.ts: the SDK's and @types/node's declaration files, under file:///node_modules/. */
declare module "virtual:flowbench-sdk-types" {
  const files: { path: string; content: string }[];
  export default files;
}
