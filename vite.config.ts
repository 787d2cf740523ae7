// The renderer's build: src-renderer/ → dist/renderer/, served by `flowbench server`
// and loaded by the desktop window from disk (hence relative asset paths).
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { sdkTypesPlugin } from "./scripts/vite/sdk-types.ts";

export default defineConfig({
  root: "src-renderer",
  base: "./",
  plugins: [react(), tailwindcss(), sdkTypesPlugin()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    // Monaco and TypeScript are big by nature; they are split out and loaded when needed.
    chunkSizeWarningLimit: 12_000,
    reportCompressedSize: false,
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
});
