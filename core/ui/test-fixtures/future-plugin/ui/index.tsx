export function FutureWidget() {
  return <span data-testid="future-widget">must never render</span>;
}
