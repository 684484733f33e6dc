import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyUsageRegistry } from './agency-usage.registry.js';
import { Agency } from './agency.entity.js';

@Module({
  imports: [AuditModule],
  controllers: [AgenciesController],
  providers: [AgenciesService, AgencyUsageRegistry],
  exports: [AgencyUsageRegistry, AgenciesService],
})
export class AgenciesModule implements OnModuleInit {
  constructor(private readonly usage: AgencyUsageRegistry) {}

  onModuleInit(): void {
    this.usage.register({
      label: '下级机关',
      isUsed: (m, agencyId) => m.existsBy(Agency, { parentId: agencyId }),
    });
  }
}
