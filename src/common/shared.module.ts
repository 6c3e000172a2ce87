import { Global, Module } from '@nestjs/common';
import { FieldCipher } from './crypto/field-cipher.js';
import { Env } from '../config/env.js';
import { Clock, SystemClock } from './clock.js';
import { ScopeService } from './scope/scope.service.js';

/**
 * Cross-cutting services every feature module uses: scope, field encryption, the clock. Scope's
 * refused reads go to REFUSED_ACCESS_SINK, which the (global) AuditModule provides.
 */
@Global()
@Module({
  providers: [
    ScopeService,
    { provide: Clock, useClass: SystemClock },
    {
      provide: FieldCipher,
      inject: [Env],
      useFactory: (env: Env) => new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
    },
  ],
  exports: [ScopeService, FieldCipher, Clock],
})
export class SharedModule {}
