#!/usr/bin/env node
// The `sco` command: loads the TypeScript CLI through tsx (no build step needed).
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings from ./.env when present; variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');
register();
await import('../adapters/cli/main.ts');
