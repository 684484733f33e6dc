import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/** A calendar date `YYYY-MM-DD` (legal dates are dates, not instants). */
export type IsoDate = string;

/**
 * The only source of "now" for services. Rules never read the clock: services pass `today` in.
 * Tests replace it with a FixedClock.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in the business time zone (Asia/Shanghai by default). */
  abstract today(): IsoDate;
}

export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
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
