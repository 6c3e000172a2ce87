import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentStore, PgDocumentStore } from './document-store.js';
import { RenderPool } from './pdf/render-pool.js';

@Module({
  imports: [CasesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, RenderPool, { provide: DocumentStore, useClass: PgDocumentStore }],
  exports: [RenderPool],
})
export class DocumentsModule {}
