export function HomePage() {
  return <div>Flows</div>;
}
