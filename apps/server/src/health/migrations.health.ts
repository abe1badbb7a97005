import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Ready only when the schema matches the code: every migration the code ships is applied. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'migrations') {
    const indicator = this.indicators.check(key);
    try {
      const pending = await this.dataSource.showMigrations();
      return pending ? indicator.down({ message: 'migrations are pending' }) : indicator.up();
    } catch {
      return indicator.down({ message: 'could not read the migrations table' });
    }
  }
}
