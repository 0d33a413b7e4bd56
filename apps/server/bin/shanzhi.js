#!/usr/bin/env node
// The `shanzhi` command. The server runs its TypeScript sources through tsx's loader, so there is no
// separate compile step between a checkout and a running platform; `npm run check` type-checks them.
import fs from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings may come from a `.env` file in the working directory (see .env.example); the environment wins.
if (fs.existsSync('.env')) process.loadEnvFile('.env');
register();
await import('../src/cli.ts');
