import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock/clock.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, IdempotencyService],
  exports: [Clock, IdempotencyService],
})
export class CommonModule {}
