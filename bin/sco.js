#!/usr/bin/env node
// The `sco` command: loads the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/main.ts');
