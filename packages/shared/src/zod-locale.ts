import { z } from 'zod';

// Validation messages are for the people at the counter and on the phone: Chinese by default, for every
// schema of the platform (messages written on a schema still take precedence).
z.config(z.locales.zhCN());
