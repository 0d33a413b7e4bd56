import { describe, expect, it } from 'vitest';
import { apiQueryOf, type CaseSearchFilters, filtersFromParams, paramsFromFilters } from './url-filters.js';

const DEFAULTS: CaseSearchFilters = { state: [], light: [], source: [], sort: 'created_desc', limit: 20 };

describe('the case list’s filters in the address', () => {
  it('reads an empty address as the defaults and writes the defaults as an empty address', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(DEFAULTS);
    expect(paramsFromFilters(DEFAULTS).toString()).toBe('');
  });

  it('goes to the address and back unchanged', () => {
    const filters: CaseSearchFilters = {
      state: ['dispatched', 'accepted'],
      light: ['red'],
      source: ['hotline_12345'],
      categoryId: 12,
      within: 3,
      channel: 'wechat_mini',
      from: '2026-10-01',
      to: '2026-10-07',
      q: '供暖',
      phone: '13912345678',
      sort: 'deadline_asc',
      limit: 100,
    };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('drops what a hand-edited link gets wrong instead of breaking the page', () => {
    const params = new URLSearchParams({
      state: 'accepted,nonsense',
      light: 'purple',
      categoryId: '-4',
      within: '2.5',
      from: '2026-13',
      to: 'yesterday',
      q: '   ',
      sort: 'random',
      limit: '7',
    });
    expect(filtersFromParams(params)).toEqual({ ...DEFAULTS, state: ['accepted'] });
  });

  it('asks the API for whole Beijing days, the last one included', () => {
    const query = apiQueryOf({ ...DEFAULTS, from: '2026-12-31', to: '2026-12-31', state: ['closed'] });
    expect(query).toMatchObject({
      state: 'closed',
      createdFrom: '2026-12-31T00:00:00+08:00',
      createdTo: '2027-01-01T00:00:00+08:00',
      sort: 'created_desc',
    });
    expect(query.light).toBeUndefined();
  });

  it('names the phone filter as the API does', () => {
    expect(apiQueryOf({ ...DEFAULTS, phone: '13912345678' }).citizenPhone).toBe('13912345678');
  });
});
