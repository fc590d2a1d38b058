import { Document } from 'yaml';

/**
 * YAML for a generated file: a header comment, then the value, with long
 * strings kept on one line (no folding) so diffs stay line-per-value.
 */
export function toYaml(value: unknown, header?: string): string {
  const doc = new Document(value);
  if (header) doc.commentBefore = ` ${header.split('\n').join('\n ')}`;
  return doc.toString({ lineWidth: 0 });
}

/** Several YAML documents in one file, separated by `---`. */
export function toYamlDocuments(values: unknown[], header?: string): string {
  return values
    .map((value, i) => {
      const text = toYaml(value, i === 0 ? header : undefined);
      return i === 0 ? text : `---\n${text}`;
    })
    .join('');
}
