import { Module } from '@nestjs/common';
import { DomainModule } from '@brobygger/domain';
import { CompaniesController } from './companies.controller';

@Module({ imports: [DomainModule], controllers: [CompaniesController] })
export class CompaniesModule {}
