import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: every name says where it comes from.
  imports: false,
  experimental: {
    // Dexie's source holds Unicode noncharacters; Chrome rejects a content script that carries them raw.
    escapeUnicode: true,
  },
  manifest: ({ browser }) => ({
    name: 'Daily Papers Lens',
    description:
      'Hugging Face Daily Papers on arXiv and GitHub: upvotes, comments, one-line summaries and links where you read.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://huggingface.co/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'daily-papers-lens@daily-papers-lens.dev', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
