/** The runs-over-time chart: one uPlot instance, resized with its box and rebuilt when the theme changes. */
import { useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { chartOptions, stackedData, type RunStats } from "./stacked-bars.ts";

const HEIGHT = 220;

/** Follows the `dark` class on <html>, which the theme toggle sets. */
export function useDark(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains("dark"));
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(document.documentElement.classList.contains("dark")));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

export function RunsChart({ stats }: { stats: RunStats }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = useDark();
  const { bucketMs } = stats;

  // Options (colours, bucket width) need a new instance; data alone is a setData.
  useEffect(() => {
    const el = box.current!;
    const u = new uPlot(chartOptions(el.clientWidth || 600, HEIGHT, dark, bucketMs), [[]], el);
    plot.current = u;
    const observer = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [dark, bucketMs]);

  useEffect(() => {
    plot.current?.setData(stackedData(stats));
  }, [stats, dark, bucketMs]);

  return <div ref={box} data-testid="runs-chart" className="w-full" style={{ height: HEIGHT }} />;
}
