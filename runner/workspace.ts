// Which Exegol repository a folder is, told from its files.
import type { RepoKind } from './types.js';

export interface KindEvidence {
  kind: RepoKind;
  /** Files whose presence identifies the kind, in order of preference. */
  markers: readonly string[];
}

export const KIND_MARKERS: readonly KindEvidence[] = [
  { kind: 'wrapper', markers: ['exegol/config/ConstantConfig.py', 'exegol/utils/ConstantConfig.py', 'exegol.py'] },
  { kind: 'images', markers: ['sources/install/entrypoint.sh', 'sources/install/common.sh'] },
  { kind: 'resources', markers: ['update-resources.sh'] },
  { kind: 'docs', markers: ['docs/.vitepress/config.mts', 'docs/.vitepress/config.ts', 'docs/src/index.md'] },
];

export async function detectKind(exists: (path: string) => Promise<boolean>): Promise<{ kind: RepoKind; reason: string } | undefined> {
  for (const { kind, markers } of KIND_MARKERS) {
    for (const marker of markers) {
      if (await exists(marker)) return { kind, reason: `${marker} exists` };
    }
  }
  return undefined;
}
