#!/usr/bin/env node
// The `shanzhi` command. The server runs its TypeScript sources through tsx's loader, so there is no
// separate compile step between a checkout and a running platform; `npm run check` type-checks them.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
