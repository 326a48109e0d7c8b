// drizzle-kit reads this to turn src/main/db/schema.ts into SQL migrations under drizzle/.
// `npx drizzle-kit generate --name=<what>` for schema changes; `--custom` for hand-written SQL (FTS5).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema.ts',
  out: './drizzle',
});
