import { addDays } from './fixtures';
import type { LifecycleUnderTest } from './lifecycle-harness';
import { today } from '@brobygger/domain';

/**
 * Lets the practicum run to its planned end (20 days) on the engine clock, recording every
 * progress review that falls due on the way, until the follow-up task appears.
 */
export async function completePracticum(life: LifecycleUnderTest, placementId: string): Promise<number> {
  let reviews = 0;
  for (let day = 0; day < 40; day++) {
    life.advanceDays(1);
    await new Promise((r) => setTimeout(r, 150));
    const open = await life.openTasks(placementId);
    for (const task of open.filter((t) => t.name === 'Task_RecordProgress')) {
      reviews++;
      await life.complete(task, {
        reviewedOn: addDays(today(), reviews),
        progressScore: 4,
        attendancePercent: 95,
        subGoalState: 'IN_PROGRESS',
        progressNote: 'Arrives on time, learns the warehouse system',
      });
    }
    if (open.some((t) => t.name === 'Task_FollowUp')) return reviews;
  }
  throw new Error('the practicum did not reach its follow-up');
}
