import type { ObjectiveDraft, PlanDraft, PriorityDraft } from './draft';
import type { ImportFile, ImportMessages } from './report';

export interface Where {
  file: ImportFile;
  line: number;
  column: string;
}

/**
 * Finds or adds objectives and priorities by name. Names typed again with other capitals or
 * spacing ("Anti-social behaviour" under "Anti-Social Behaviour") are the same one, with a note,
 * rather than a near-duplicate the coordinator would have to merge by hand.
 */
export class PlanTree {
  private readonly firstSeen = new Map<ObjectiveDraft | PriorityDraft, Where>();

  constructor(
    readonly plan: PlanDraft,
    private readonly report: ImportMessages,
  ) {}

  objective(title: string, where: Where): { objective: ObjectiveDraft; added: boolean } {
    const found = this.match(this.plan.objectives, (o) => o.title, title, 'Objective', where);
    if (found) return { objective: found, added: false };
    const objective: ObjectiveDraft = { title, indicators: [], priorities: [] };
    this.plan.objectives.push(objective);
    this.firstSeen.set(objective, where);
    return { objective, added: true };
  }

  priority(objective: ObjectiveDraft, name: string, where: Where): { priority: PriorityDraft; added: boolean } {
    const found = this.match(objective.priorities, (p) => p.name, name, 'Priority', where);
    if (found) return { priority: found, added: false };
    const priority: PriorityDraft = { name, indicators: [], actions: [] };
    objective.priorities.push(priority);
    this.firstSeen.set(priority, where);
    return { priority, added: true };
  }

  /** Every objective holding a priority of this name, for a file that names only priorities. */
  objectivesWithPriority(name: string): ObjectiveDraft[] {
    return this.plan.objectives.filter((o) => o.priorities.some((p) => sameName(p.name, name)));
  }

  private match<T extends ObjectiveDraft | PriorityDraft>(items: T[], nameOf: (t: T) => string, name: string, what: string, where: Where): T | undefined {
    const exact = items.find((t) => nameOf(t) === name);
    if (exact) return exact;
    const near = items.find((t) => sameName(nameOf(t), name));
    if (near) {
      const first = this.firstSeen.get(near);
      const source = !first
        ? ''
        : first.file === where.file
          ? `, as written on line ${first.line}`
          : `, as written on line ${first.line} of the ${first.file} file`;
      this.report.note(where.file, where.line, where.column, `${what} "${name}" was taken to be "${nameOf(near)}"${source}`);
    }
    return near;
  }
}

export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
