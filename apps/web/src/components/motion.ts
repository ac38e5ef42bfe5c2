/** Whether the reader asked their system for less motion: scrolling then jumps instead of gliding. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
