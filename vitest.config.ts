import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Jsonnet evaluation of whole environments is CPU-bound; a generous timeout avoids flakes on
    // 2-core CI machines without hiding real hangs (hostile-input tests bound themselves).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
