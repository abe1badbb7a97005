import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { CaseProcessController } from './case-process.controller';
import { CaseProcessService } from './case-process.service';

@Module({ imports: [DomainModule], controllers: [CaseProcessController], providers: [CaseProcessService] })
export class CaseProcessModule {}
