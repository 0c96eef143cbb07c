/**
 * The time as the product sees it. In the cloud this is the system clock. The local runtime
 * replaces the source with its movable clock (demos and tests); nothing deployed does.
 */
let source: () => Date = () => new Date();

export const now = (): Date => source();

export function useClockSource(next: () => Date): void {
  source = next;
}
