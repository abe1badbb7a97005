import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AgreementsModule } from '../agreements/agreements.module';
import { CitizensModule } from '../citizens/citizens.module';
import { CompaniesModule } from '../companies/companies.module';
import { MatchingModule } from '../matching/matching.module';
import { MentorsModule } from '../mentors/mentors.module';
import { PlacementsModule } from '../placements/placements.module';
import { RulesModule } from '../rules/rules.module';
import { DomainErrorFilter } from './domain-error.filter';
import { validationPipe } from './validation';

/** The domain's REST API, with validation and domain-error mapping for every controller of the server. */
@Module({
  imports: [
    CompaniesModule,
    AgreementsModule,
    MentorsModule,
    CitizensModule,
    PlacementsModule,
    RulesModule,
    MatchingModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: validationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class DomainApiModule {}
