import { Global, Module } from '@nestjs/common';
import { AuditService } from '../modules/audit/audit.service.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { Env } from '../config/env.js';
import { Clock, SystemClock } from './clock.js';
import { ScopeService } from './scope/scope.service.js';

/** Cross-cutting services every feature module uses: audit writing, scope, field encryption. */
@Global()
@Module({
  providers: [
    AuditService,
    ScopeService,
    { provide: Clock, useClass: SystemClock },
    {
      provide: FieldCipher,
      inject: [Env],
      useFactory: (env: Env) => new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
    },
  ],
  exports: [AuditService, ScopeService, FieldCipher, Clock],
})
export class SharedModule {}
