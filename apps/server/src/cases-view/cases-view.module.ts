import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseProcessViewService } from './case-process-view.service';
import { CasesViewController } from './cases-view.controller';
import { FormsService } from './forms.service';

@Module({
  imports: [AuthModule],
  controllers: [CasesViewController],
  providers: [CaseProcessViewService, FormsService],
})
export class CasesViewModule {}
