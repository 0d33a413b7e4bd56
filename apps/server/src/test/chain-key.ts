/**
 * The chain key of every test context and test server (`SHANZHI_CHAIN_KEY`): fixed, so that timelines hashed
 * by one test helper verify in another. Never a deployment's key.
 */
export const TEST_CHAIN_KEY = 'a3c1f0e27b9d4c5e8f60718293a4b5c6d7e8f9012345678901abcdef23456789';
