import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

const KEY = 'afterCommit';
type Callbacks = (() => void)[];

/**
 * Runs `fn` once the transaction of `manager` commits, never if it rolls back; at once outside a
 * transaction. For effects outside the database that must not count a rolled-back change (a
 * metric), not for anything that must not be lost.
 */
export function afterCommit(manager: EntityManager, fn: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    fn();
    return;
  }
  const data = runner.data as Record<string, Callbacks | undefined>;
  (data[KEY] ??= []).push(fn);
}

function take(runner: QueryRunner): Callbacks {
  const data = runner.data as Record<string, Callbacks | undefined>;
  const callbacks = data[KEY] ?? [];
  delete data[KEY];
  return callbacks;
}

/**
 * Registered on the data source (TypeORM loads only decorated subscribers): runs or drops the
 * callbacks when the outer transaction ends.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint (nested transaction) is not the commit.
    if (event.queryRunner.isTransactionActive) return;
    for (const fn of take(event.queryRunner)) fn();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) take(event.queryRunner);
  }
}
