import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { RulesController } from './rules.controller';

@Module({ imports: [DomainModule], controllers: [RulesController] })
export class RulesModule {}
