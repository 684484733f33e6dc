/**
 * Demo data that must be built through the application's services rather than SQL (cases with
 * their events and clocks). A feature module provides it; DatabaseLifecycle runs it after the seeds,
 * while it still holds the seeding lock, when the demo accounts exist (never in production).
 */
export abstract class DemoSeedExtension {
  abstract seed(): Promise<void>;
}
