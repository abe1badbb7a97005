import type { DeploymentProblem } from './model';

/** Collects every deployment problem instead of stopping at the first, as Zeebe reports them. */
export class Problems {
  private readonly items: DeploymentProblem[] = [];
  private readonly seen = new Set<string>();

  element(elementId: string | undefined, reason: string): void {
    const message = elementId ? `Element '${elementId}': ${reason}` : reason;
    this.push({ elementId, message });
  }

  process(processId: string, reason: string): void {
    this.push({ elementId: processId, message: `Process '${processId}': ${reason}` });
  }

  general(message: string): void {
    this.push({ message });
  }

  get count(): number {
    return this.items.length;
  }

  list(): DeploymentProblem[] {
    return this.items.map((p) => ({ ...p }));
  }

  private push(p: DeploymentProblem): void {
    // Two validators may reach the same conclusion (e.g. through a reference and directly).
    const key = `${p.elementId ?? ''}\u0000${p.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(p);
  }
}
