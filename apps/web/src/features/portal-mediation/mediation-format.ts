import dayjs from 'dayjs';

/** A moment as the portal shows it, to the minute. */
export const atMinute = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
/** A calendar day as the portal shows it. */
export const onDay = (iso: string) => dayjs(iso).format('YYYY-MM-DD');
