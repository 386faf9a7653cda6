// The export checks that run real programs (LibreOffice, Chromium, pdftoppm): `test/export/run.sh`
// installs them and runs these files; the default suite (vitest.config.ts) does not.
import { defineConfig } from 'vitest/config';

const fonts = new URL('./fonts.conf', import.meta.url).pathname;

export default defineConfig({
  test: {
    include: ['test/export/**/*.office.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
    // The faces the documents ask for (仿宋, 黑体) mapped to the closest ones installed.
    env: { FONTCONFIG_FILE: fonts },
  },
});
