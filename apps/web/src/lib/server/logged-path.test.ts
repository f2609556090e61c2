import { describe, expect, it } from 'vitest';
import { loggedPagePath } from './logged-path';

describe('loggedPagePath', () => {
  it('hides a survey link token in page and API paths, and leaves other paths alone', () => {
    const token = 'abcDEF123_-'.padEnd(43, 'x');
    expect(loggedPagePath(`/s/${token}`)).toBe('/s/:token');
    expect(loggedPagePath(`/api/public/surveys/${token}/opt-out`)).toBe('/api/public/surveys/:token/opt-out');
    expect(loggedPagePath('/surveys/links')).toBe('/surveys/links');
    expect(loggedPagePath('/sampling/s/1')).toBe('/sampling/s/1');
  });
});
