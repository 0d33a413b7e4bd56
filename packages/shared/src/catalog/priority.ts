import { z } from 'zod';

/** Priority of a matter or a case: decides which time limits apply. */
export const PRIORITIES = ['emergency', 'urgent', 'normal'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const PRIORITY_LABELS: Record<Priority, string> = {
  emergency: '紧急',
  urgent: '加急',
  normal: '一般',
};
