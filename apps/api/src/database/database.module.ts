import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatements } from './prepared-statements';
import { UnitOfWork } from './unit-of-work';
import { WalCheckpointer } from './wal-checkpointer';

/** Provides the opened, migrated data source to every module; `main.ts` opens it before Nest starts. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useValue: dataSource }, UnitOfWork, WalCheckpointer, PreparedStatements],
      exports: [DataSource, UnitOfWork, PreparedStatements],
    };
  }
}
