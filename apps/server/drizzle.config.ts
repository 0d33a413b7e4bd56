import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @shanzhi/server` writes a new SQL migration from the schema's changes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './migrations',
});
