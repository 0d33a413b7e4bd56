import { describe, expect, it } from 'vitest';
import { OPEN311_API_DOCS } from './open311-api-docs.js';
import { docsBlocksOf, inlineSpansOf } from './open311-docs-blocks.js';

describe('the open API’s documentation as the console shows it', () => {
  it('has its heading, its list of what the API does and its examples', () => {
    const blocks = docsBlocksOf(OPEN311_API_DOCS);
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'Open311 (GeoReport v2)' });
    const list = blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items.length).toBeGreaterThanOrEqual(6);
    const code = blocks.filter((b) => b.kind === 'code').map((b) => (b.kind === 'code' ? b.text : ''));
    expect(code.join('\n')).toContain('curl -s -X POST "$BASE/requests.json"');
  });

  it('shows an example of every resource, in both formats', () => {
    const examples = docsBlocksOf(OPEN311_API_DOCS)
      .flatMap((b) => (b.kind === 'code' ? [b.text] : []))
      .join('\n');
    for (const resource of [
      'discovery',
      'services',
      'services/$CODE',
      'requests',
      'requests/WH',
      'tokens/',
      'servicerequestupdates',
    ]) {
      expect(examples, resource).toContain(`$BASE/${resource}`);
    }
    expect(examples).toMatch(/\.json/);
    expect(examples).toMatch(/\.xml/);
    expect(examples).toContain('/api/v1/open311/keys');
  });

  it('cuts a line into plain text, code and bold pieces', () => {
    expect(inlineSpansOf('**Keys** come from `POST /keys` only').map((s) => [s.kind, s.text])).toEqual([
      ['strong', 'Keys'],
      ['text', ' come from '],
      ['code', 'POST /keys'],
      ['text', ' only'],
    ]);
  });
});
