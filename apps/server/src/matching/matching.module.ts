import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { MatchingController } from './matching.controller';

@Module({ imports: [DomainModule], controllers: [MatchingController] })
export class MatchingModule {}
