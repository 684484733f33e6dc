import fs from 'node:fs';
import { loadConfig, type AppConfig } from './app-config.js';

/**
 * The only place that reads process.env. A `.env` file in the working directory is loaded first
 * (variables already set in the environment win), using Node's built-in loader.
 */
export function readEnvironment(): Record<string, string | undefined> {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  return { ...process.env };
}

export function configFromEnvironment(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({ ...readEnvironment(), ...overrides });
}
