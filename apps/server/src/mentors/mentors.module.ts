import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { MentorsController } from './mentors.controller';

@Module({ imports: [DomainModule], controllers: [MentorsController] })
export class MentorsModule {}
