/**
 * The data key of every test context and test server (`SHANZHI_DATA_KEY`): fixed, so that the registers the
 * seeded template holds open in every test. Never a deployment's key.
 */
export const TEST_DATA_KEY = '5d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d';
