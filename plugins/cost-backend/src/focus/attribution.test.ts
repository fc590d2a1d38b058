import {
  COMMON_ENVIRONMENT_ALIASES,
  UNATTRIBUTED,
  createAttributor,
  type AttributableRow,
} from './attribution';
import { NO_TAGS, TagsParser } from './tags';

const parser = new TagsParser();
const row = (
  tags: string | null,
  resourceId: string | null = null,
  providerName: string | null = 'AWS',
): AttributableRow => ({
  tags: parser.parse(tags) ?? NO_TAGS,
  resourceId,
  providerName,
});

describe('createAttributor', () => {
  it('reads service, team and environment from the default tag keys', () => {
    const attribute = createAttributor();
    expect(
      attribute(
        row(
          '{"service":"Orchestrator-API ","team":"team-agents","environment":"Production"}',
        ),
      ),
    ).toEqual({
      service: 'orchestrator-api',
      team: 'team-agents',
      environment: 'production',
    });
    expect(
      attribute(
        row(
          '{"app":"knowledge-store","owner":"team-experience","env":"staging"}',
        ),
      ),
    ).toEqual({
      service: 'knowledge-store',
      team: 'team-experience',
      environment: 'staging',
    });
    expect(attribute(row('{"backstage.io/component":"task-runner"}'))).toEqual({
      service: 'task-runner',
    });
  });

  it('lets the first configured key win, whatever the order of the tags', () => {
    const attribute = createAttributor();
    expect(
      attribute(
        row(
          '{"app":"from-app","service":"from-service","stage":"x","environment":"y"}',
        ),
      ),
    ).toEqual({ service: 'from-service', environment: 'y' });
  });

  it('skips keys with empty values and falls through to the next key', () => {
    const attribute = createAttributor();
    expect(attribute(row('{"service":"  ","app":"fallback"}'))).toEqual({
      service: 'fallback',
    });
  });

  it('uses configured keys instead of the defaults, per dimension', () => {
    const attribute = createAttributor({
      tagKeys: { service: ['component'], team: ['squad'] },
    });
    expect(
      attribute(
        row(
          '{"service":"ignored","component":"billing","squad":"payments","team":"ignored","env":"dev"}',
        ),
      ),
    ).toEqual({ service: 'billing', team: 'payments', environment: 'dev' });
  });

  it('matches tag keys case-insensitively and ignores the user: prefix', () => {
    const attribute = createAttributor();
    expect(attribute(row('{"Service":"a","user:team":"b","ENV":"c"}'))).toEqual(
      {
        service: 'a',
        team: 'b',
        environment: 'c',
      },
    );
    expect(attribute(row('{"user:team":"prefixed","team":"exact"}'))).toEqual({
      team: 'exact',
    });
  });

  it('leaves rows without a service unattributed', () => {
    const attribute = createAttributor();
    expect(attribute(row(null))).toBe(UNATTRIBUTED);
    expect(attribute(row('{"business_unit":"x"}'))).toBe(UNATTRIBUTED);
    expect(attribute(row('{"environment":"production"}'))).toEqual({
      environment: 'production',
    });
  });

  it('maps environment aliases when configured', () => {
    const attribute = createAttributor({
      environmentAliases: COMMON_ENVIRONMENT_ALIASES,
    });
    expect(attribute(row('{"service":"a","env":"Prod"}'))).toEqual({
      service: 'a',
      environment: 'production',
    });
    expect(createAttributor()(row('{"env":"prod"}'))).toEqual({
      environment: 'prod',
    });
  });

  it('lets an explicit resource mapping override tags for the fields it sets', () => {
    const attribute = createAttributor({
      resourceMap: [
        { resourceId: 'ARN:aws:rds:db-1', service: 'Knowledge-Store' },
        { resourceId: 'vm-1', providerName: 'Microsoft', team: 'azure-team' },
        { resourceId: 'vm-1', team: 'any-provider-team' },
      ],
    });
    expect(
      attribute(
        row(
          '{"service":"wrong","team":"t","env":"production"}',
          'arn:aws:rds:db-1',
        ),
      ),
    ).toEqual({
      service: 'knowledge-store',
      team: 't',
      environment: 'production',
    });
    expect(attribute(row(null, 'vm-1', 'Microsoft'))).toEqual({
      team: 'azure-team',
    });
    expect(attribute(row(null, 'vm-1', 'AWS'))).toEqual({
      team: 'any-provider-team',
    });
    expect(attribute(row('{"service":"s"}', 'other'))).toEqual({
      service: 's',
    });
  });

  it('computes the attribution once per distinct tag set', () => {
    const attribute = createAttributor();
    const first = attribute(row('{"service":"a"}'));
    expect(attribute(row('{"service":"a"}'))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
