import { NO_TAGS, TagsParser } from './tags';

describe('TagsParser', () => {
  it('parses a JSON object of tags', () => {
    const tags = new TagsParser().parse(
      '{"application": "BrightLensMatrix", "environment": "dev"}',
    );
    expect(tags).toEqual({
      application: 'BrightLensMatrix',
      environment: 'dev',
    });
  });

  it('treats absent and empty-object tags as no tags', () => {
    const parser = new TagsParser();
    expect(parser.parse(null)).toBe(NO_TAGS);
    expect(parser.parse('{}')).toBe(NO_TAGS);
    expect(parser.parse('{ }')).toBe(NO_TAGS);
  });

  it.each(['{"team": ', 'not json', '[1,2]', '"text"', '42', 'null'])(
    'reports %j as invalid (undefined) instead of throwing',
    text => {
      expect(new TagsParser().parse(text)).toBeUndefined();
    },
  );

  it('stringifies non-string values and keeps key-only tags as empty strings', () => {
    expect(
      new TagsParser().parse(
        '{"replicas": 3, "public": false, "flag": null, "nested": {"a": 1}}',
      ),
    ).toEqual({ replicas: '3', public: 'false', flag: '', nested: '{"a":1}' });
  });

  it('accepts key/value pairs without surrounding braces', () => {
    expect(new TagsParser().parse('"team": "a", "env": "prod"')).toEqual({
      team: 'a',
      env: 'prod',
    });
  });

  it('returns the same frozen object for identical text', () => {
    const parser = new TagsParser();
    const first = parser.parse('{"team":"a"}');
    const second = parser.parse('{"team":"a"}');
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('keeps memory bounded by its memo limit and still parses correctly', () => {
    const parser = new TagsParser(2);
    for (let i = 0; i < 5; i++) {
      expect(parser.parse(`{"n":"${i}"}`)).toEqual({ n: String(i) });
    }
    expect(parser.parse('{"n":"0"}')).toEqual({ n: '0' });
  });
});
