import { describe, expect, it } from 'vitest';
import { isPhoneAppPath, landingPath, PHONE_HOME } from './phone-landing.js';

const gridWorker = { permissions: ['grid.read', 'grid.patrol', 'grid_finding.record'] };
const dispatcher = { permissions: ['grid.read', 'case.dispatch'] };

describe('where a user lands after signing in', () => {
  it('takes a grid worker on a phone to the phone app', () => {
    expect(landingPath(gridWorker, '/', 390)).toBe(PHONE_HOME);
  });

  it('leaves a grid worker at a desk, and everyone else, on the console', () => {
    expect(landingPath(gridWorker, '/', 1440)).toBe('/');
    expect(landingPath(dispatcher, '/', 390)).toBe('/');
  });

  it('keeps where the user was going', () => {
    expect(landingPath(gridWorker, '/cases/12', 390)).toBe('/cases/12');
  });
});

describe('the phone app’s pages', () => {
  it('are the paths under /m/', () => {
    expect(['/m', '/m/', '/m/findings/3'].map(isPhoneAppPath)).toEqual([true, true, true]);
    expect(['/', '/measures', '/mediation'].map(isPhoneAppPath)).toEqual([false, false, false]);
  });
});
