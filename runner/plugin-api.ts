// What a plugin module default-exports (docs/plugins.md). Types only, and the identity function
// that checks them: a plugin imports this from `porgs-lint`.
import type { RuleDefinition } from './types.js';

export interface PluginDefinition {
  /**
   * The first part of the plugin's rule ids (`<name>/<rule>`): a lowercase letter, then lowercase
   * letters, digits and `-`, at most 32 characters; not the group of a built-in rule, nor `local`.
   */
  name: string;
  /**
   * Where a rule's documentation is: an `https:` address in which `{rule}` stands for the rule's
   * name. `explain` prints it and SARIF gives it as the rule's `helpUri`.
   */
  docsUrl?: string;
  /** Rules by name (a lowercase letter or digit, then lowercase letters, digits and `-`, at most 64). */
  rules: Readonly<Record<string, RuleDefinition<string, any>>>;
}

/** A plugin module's default export. */
export function definePlugin<const P extends PluginDefinition>(plugin: P): P {
  return plugin;
}
