import Ajv, { ValidateFunction } from 'ajv';
import path from 'node:path';
import {
  AnyType,
  BaseType,
  CompletedConfig,
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
  SubNodeParser,
} from 'ts-json-schema-generator';
import {
  fillPath,
  Route,
  RouteMap,
  RouteRequest,
  toSearch,
} from '@gatehouse/http-contract';

/** One request a contract test makes of a route, and the status it expects. */
export type ContractCall<R extends Route> = RouteRequest<R> & {
  /** Expected status; the route's own (200 unless stated) by default. */
  status?: number;
  /** Headers of this call only (e.g. another caller's credentials). */
  headers?: Record<string, string>;
};

/** A call for every route of the map: a route left out does not compile. */
export type ContractCalls<M extends RouteMap> = {
  [K in keyof M]: ContractCall<M[K]>;
};

/**
 * Checks a running plugin against its contract: each route of the map is
 * called at `baseUrl` (so one that is not mounted answers 404) and must answer
 * with its status and a body of its declared type. JSON answers are checked
 * against a JSON schema generated from the exported TypeScript type itself,
 * so the contract and the types cannot drift apart unnoticed.
 *
 * Returns one line per problem; an empty list is a contract kept.
 */
export async function verifyContract<M extends RouteMap>(options: {
  routes: M;
  /** The entry file of the package exporting the answer types (its src/index.ts). */
  typesEntry: string;
  baseUrl: string;
  headers?: Record<string, string>;
  calls: ContractCalls<M>;
}): Promise<string[]> {
  const answers = answerValidators(options.typesEntry);
  const problems: string[] = [];
  for (const [name, route] of Object.entries(options.routes)) {
    const call = options.calls[name] as ContractCall<Route> & {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = `${options.baseUrl}${fillPath(
      route.path,
      call.params,
    )}${toSearch(call.query)}`;
    const response = await fetch(url, {
      method: route.method,
      headers: {
        ...options.headers,
        ...call.headers,
        ...(call.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
    });
    const text = await response.text();
    const expected = call.status ?? route.status ?? 200;
    const where = `${name} (${route.method} ${route.path})`;
    if (response.status !== expected) {
      problems.push(
        `${where}: answered ${
          response.status
        }, expected ${expected}: ${text.slice(0, 300)}`,
      );
      continue;
    }
    if (response.status >= 300) continue;
    if (route.answer.kind === 'text') {
      const type = response.headers.get('content-type') ?? '';
      if (!route.answer.mediaTypes.some(media => type.startsWith(media))) {
        problems.push(
          `${where}: answered ${type}, not ${route.answer.mediaTypes.join(
            ' or ',
          )}`,
        );
      }
      continue;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${where}: answered something that is not JSON`);
      continue;
    }
    const mismatch = answers.check(route.answer.typeName, body);
    if (mismatch)
      problems.push(`${where}: not a ${route.answer.typeName}: ${mismatch}`);
  }
  return problems;
}

/**
 * Types inferred from a zod schema (`z.infer<typeof planSchema>`) accept any
 * value here: the generator cannot read a schema's code, and those values are
 * produced or validated by that very schema.
 */
class ZodInferredTypes implements SubNodeParser {
  supportsNode(node: Parameters<SubNodeParser['supportsNode']>[0]): boolean {
    const name = (
      node as { typeName?: { getText(): string } }
    ).typeName?.getText();
    return name !== undefined && /^z\.(infer|input|output)$/.test(name);
  }
  createType(): BaseType {
    return new AnyType();
  }
}

/**
 * Validators of exported TypeScript types, from JSON schemas generated from
 * their source (no type check: `tsc` does that). Objects may carry no
 * property their type does not declare.
 */
export function answerValidators(typesEntry: string) {
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: typesEntry,
    tsconfig: path.join(repoRoot(typesEntry), 'tsconfig.json'),
    skipTypeCheck: true,
    type: '*',
    expose: 'export',
    topRef: false,
    jsDoc: 'none',
    additionalProperties: false,
  };
  const program = createProgram(config);
  const generator = new SchemaGenerator(
    program,
    createParser(program, config, parser =>
      parser.addNodeParser(new ZodInferredTypes()),
    ),
    createFormatter(config),
    config,
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, ValidateFunction>();
  return {
    /** Why `value` is not of the type, or undefined when it is. */
    check(typeName: string, value: unknown): string | undefined {
      let validate = validators.get(typeName);
      if (!validate) {
        validate = ajv.compile(generator.createSchema(typeName));
        validators.set(typeName, validate);
      }
      if (validate(value)) return undefined;
      return (validate.errors ?? [])
        .slice(0, 5)
        .map(error => {
          const extra = (error.params as { additionalProperty?: string })
            .additionalProperty;
          return `answer${error.instancePath} ${error.message}${
            extra ? ` (${extra})` : ''
          }`;
        })
        .join('; ');
    },
  };
}

/** The repository root above a package file: where the root tsconfig.json is. */
function repoRoot(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (dir !== path.dirname(dir)) {
    if (path.basename(dir) === 'plugins' || path.basename(dir) === 'packages') {
      return path.dirname(dir);
    }
    dir = path.dirname(dir);
  }
  throw new Error(`${file} is not inside plugins/ or packages/`);
}

/**
 * The routes of a map that a README's route table does not list: each route
 * must have a row that starts `| METHOD | \`path\` |`, so the documentation
 * follows the contract.
 */
export function routesMissingFromReadme(
  routes: RouteMap,
  readme: string,
): string[] {
  return Object.entries(routes)
    .filter(
      ([, route]) =>
        !readme.includes(`\n| ${route.method} | \`${route.path}\` |`),
    )
    .map(([name, route]) => `${name} (${route.method} ${route.path})`);
}
