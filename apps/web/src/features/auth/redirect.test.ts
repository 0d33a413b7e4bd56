import { describe, expect, it } from 'vitest';
import { loginPathFor, safeRedirectTarget } from './redirect.js';

describe('where the login page sends a user after signing in', () => {
  it.each([
    ['/dispatch?queue=returned', '/dispatch?queue=returned'],
    ['/cases/42', '/cases/42'],
    [null, '/'],
    ['', '/'],
    ['dispatch', '/'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/login', '/'],
    ['/login?redirect=/users', '/'],
  ])('takes %j to %j, never off the site nor back to the login page', (raw, target) => {
    expect(safeRedirectTarget(raw)).toBe(target);
  });

  it('asks the login page to come back to where the session ended', () => {
    expect(loginPathFor('/cases?state=accepted')).toBe('/login?redirect=%2Fcases%3Fstate%3Daccepted');
    expect(loginPathFor('/')).toBe('/login');
  });
});
