/** better-sqlite3 13 crashes without a message on older Node, and type stripping needs 22.18. */
export function assertNodeVersion(versions: NodeJS.ProcessVersions = process.versions): void {
  const [major = 0, minor = 0] = versions.node.split(".").map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    throw new Error(`Flowbench needs Node.js 22.18 or newer; this is ${versions.node}. Run it through npm scripts or npx so the project's node@22 is used.`);
  }
}
