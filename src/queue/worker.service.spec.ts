import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import { JobHandler } from './job-handler.decorator.js';
import { JobName } from './jobs.js';
import { collectHandlers } from './worker.service.js';

class Complete {
  @JobHandler(JobName.PurgeSessions)
  async purge(): Promise<void> {}

  @JobHandler(JobName.PurgeIdempotencyKeys)
  async purgeKeys(): Promise<void> {}

  @JobHandler(JobName.VerifyAuditChain)
  async verify(): Promise<void> {}

  @JobHandler(JobName.ExpireOverdueCases)
  async expire(): Promise<void> {}

  @JobHandler(JobName.SendReminder)
  async remind(): Promise<void> {}
}

class Duplicate {
  @JobHandler(JobName.PurgeSessions)
  async alsoPurge(): Promise<void> {}
}

class Partial {
  @JobHandler(JobName.PurgeSessions)
  async purge(): Promise<void> {}
}

const discoveryOf = (...instances: object[]): DiscoveryService =>
  ({
    getProviders: () =>
      instances.map(
        (instance) => ({ instance, name: instance.constructor.name }) as InstanceWrapper,
      ),
  }) as unknown as DiscoveryService;

describe('collectHandlers (worker boot check)', () => {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();

  it('maps every job to its one handler', () => {
    const handlers = collectHandlers(discoveryOf(new Complete()), scanner, reflector);
    expect([...handlers.keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('refuses to boot when a job has two handlers', () => {
    expect(() =>
      collectHandlers(discoveryOf(new Complete(), new Duplicate()), scanner, reflector),
    ).toThrow(/maintenance.purge-sessions has 2 handlers: Complete.purge, Duplicate.alsoPurge/);
  });

  it('refuses to boot when a job has no handler', () => {
    expect(() => collectHandlers(discoveryOf(new Partial()), scanner, reflector)).toThrow(
      /maintenance.verify-audit-chain has no handler/,
    );
  });
});
