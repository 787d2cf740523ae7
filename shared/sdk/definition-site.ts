const FRAME = /(?:\(|at )((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):\d+:\d+\)?\s*$/;
const SDK_FILE = /[\\/]shared[\\/]sdk[\\/]/;

/**
 * The file a flow was defined in: the first stack frame outside the SDK. The app uses
 * it to open a run's code; null where the runtime gives no usable stack.
 */
export function definitionSite(stack: string | undefined = new Error().stack): string | null {
  if (!stack) return null;
  for (const line of stack.split("\n").slice(1)) {
    const file = FRAME.exec(line)?.[1];
    if (!file || SDK_FILE.test(file)) continue;
    return file.startsWith("file://") ? decodeURIComponent(file.slice("file://".length)) : file;
  }
  return null;
}
