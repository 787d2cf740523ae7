/** Peak resident memory: polled RSS plus the kernel's own high-water mark (which catches what polling misses). */
export const MB = 2 ** 20;

export interface RssSampler {
  /** Stops polling; returns the highest RSS seen by polling and by the kernel, in bytes. */
  stop(): { polledPeak: number; maxRss: number; peak: number; samples: number };
}

export function sampleRss(everyMs = 10): RssSampler {
  let polledPeak = process.memoryUsage.rss();
  let samples = 1;
  const timer = setInterval(() => {
    polledPeak = Math.max(polledPeak, process.memoryUsage.rss());
    samples++;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      polledPeak = Math.max(polledPeak, process.memoryUsage.rss());
      const maxRss = process.resourceUsage().maxRSS * 1024; // kilobytes on Linux and macOS
      return { polledPeak, maxRss, peak: Math.max(polledPeak, maxRss), samples };
    },
  };
}
