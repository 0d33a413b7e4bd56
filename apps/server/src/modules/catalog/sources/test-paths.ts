import { fileURLToPath } from 'node:url';

/**
 * The shared Teddy Cup folder beside the repository (`<repo>/../shared/data/teddy_cup_2020_c`): this file
 * sits six folders below the repository root. Read at test time only; never copied into the repository.
 */
export const TEDDY_DIR = fileURLToPath(
  new URL('../../../../../../../shared/data/teddy_cup_2020_c', import.meta.url),
);
