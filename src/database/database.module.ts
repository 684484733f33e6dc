import {
  Global,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseLifecycle } from './database-lifecycle.service.js';
import { dataSourceOptions } from './data-source-options.js';
import { ReadinessMiddleware } from './readiness.middleware.js';

@Global()
@Module({})
export class DatabaseModule implements NestModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          // Connected by DatabaseLifecycle.bootstrap() after the HTTP server listens.
          manualInitialization: true,
        }),
      ],
      providers: [DatabaseLifecycle],
      exports: [DatabaseLifecycle],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReadinessMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
