import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { CitizensController } from './citizens.controller';

@Module({ imports: [DomainModule], controllers: [CitizensController] })
export class CitizensModule {}
