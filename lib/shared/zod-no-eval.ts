/**
 * zod as the extension uses it: without generated code. Extension pages and the worker forbid eval
 * (their CSP), and zod would otherwise probe `new Function` and leave a CSP violation in the
 * extension's error log. Import `z` from here, never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
