import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { dateInTimeZone, type IsoDate } from './dates.js';

export { dateInTimeZone, type IsoDate } from './dates.js';

/**
 * The only source of "now" for services. Rules never read the clock: services pass `today` in.
 * Tests replace it with a FixedClock.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in the business time zone (Asia/Shanghai by default). */
  abstract today(): IsoDate;
}

@Injectable()
export class SystemClock extends Clock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  now(): Date {
    return new Date();
  }

  today(): IsoDate {
    return dateInTimeZone(this.now(), this.config.businessTimeZone);
  }
}

export class FixedClock extends Clock {
  constructor(
    private instant: Date,
    private readonly timeZone = 'Asia/Shanghai',
  ) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  today(): IsoDate {
    return dateInTimeZone(this.instant, this.timeZone);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.instant = new Date(this.instant.getTime() + milliseconds);
  }
}
