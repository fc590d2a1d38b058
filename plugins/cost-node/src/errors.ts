/**
 * Raised when an input (plan, pricing file, usage file, manifests) is
 * malformed. The message names the offending path, e.g.
 * `resource_changes[3].change.actions must be an array`.
 *
 * @public
 */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
