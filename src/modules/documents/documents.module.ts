import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentStore, PgDocumentStore } from './document-store.js';
import { RenderPool } from './pdf/render-pool.js';
import { ScanStoreModule } from './scans/scan-store.module.js';
import { ScansController } from './scans/scans.controller.js';
import { ScansService } from './scans/scans.service.js';

@Module({
  imports: [CasesModule, ScanStoreModule],
  controllers: [DocumentsController, ScansController],
  providers: [
    DocumentsService,
    ScansService,
    RenderPool,
    { provide: DocumentStore, useClass: PgDocumentStore },
  ],
  exports: [RenderPool],
})
export class DocumentsModule {}
