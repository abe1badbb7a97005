import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { AgreementsController } from './agreements.controller';

@Module({ imports: [DomainModule], controllers: [AgreementsController] })
export class AgreementsModule {}
