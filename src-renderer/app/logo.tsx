export function Logo() {
  return (
    <a href="#/" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Flowbench home">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="2" y="3" width="8" height="7" rx="2" className="fill-accent-600" />
        <rect x="14" y="14" width="8" height="7" rx="2" className="fill-accent-500" />
        <path d="M10 6.5h3a3 3 0 0 1 3 3V14" className="stroke-zinc-500" strokeWidth="2" fill="none" />
      </svg>
      <span>Flowbench</span>
    </a>
  );
}
