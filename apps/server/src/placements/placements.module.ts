import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { CasesController } from './cases.controller';
import { GoalsController } from './goals.controller';

@Module({ imports: [DomainModule], controllers: [CasesController, GoalsController] })
export class PlacementsModule {}
