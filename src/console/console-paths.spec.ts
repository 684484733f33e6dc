import { isConsoleRequest, safeNextPath } from './console-paths.js';

describe('console paths', () => {
  it.each([
    ['/', true],
    ['/case/1?x=1', true],
    ['/assets/console.css', true],
    ['/api/v1/cases', false],
    ['/api', false],
    ['/apiary', true],
    ['/health/ready', false],
  ])('%s is a console request: %p', (originalUrl, expected) => {
    expect(isConsoleRequest({ originalUrl })).toBe(expected);
  });

  it.each([
    ['/case/1', '/case/1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/sign-in?next=/x', '/'],
    [undefined, '/'],
  ])('returns to %p as %p after signing in', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});
