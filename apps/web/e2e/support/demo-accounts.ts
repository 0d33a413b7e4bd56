/** The demo accounts' password (`SHANZHI_DEMO_PASSWORD` default). */
export const DEMO_PASSWORD = 'Shanzhi@2026';
