import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentStore, PgDocumentStore } from './document-store.js';
import { RenderPool } from './pdf/render-pool.js';
import { PgScanStore, ScanStore } from './scans/scan-store.js';
import { ScansController } from './scans/scans.controller.js';
import { ScansService } from './scans/scans.service.js';

@Module({
  imports: [CasesModule],
  controllers: [DocumentsController, ScansController],
  providers: [
    DocumentsService,
    ScansService,
    RenderPool,
    { provide: DocumentStore, useClass: PgDocumentStore },
    { provide: ScanStore, useClass: PgScanStore },
  ],
  exports: [RenderPool],
})
export class DocumentsModule {}
