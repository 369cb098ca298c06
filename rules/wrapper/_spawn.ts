// The `# Spawn Version:N` line of exegol/utils/imgsync/spawn.sh (present from 4.3.0 on).
export const SPAWN_PATH = 'exegol/utils/imgsync/spawn.sh';

export interface SpawnLine {
  line: number;
  text: string;
  /** N when the line has the exact syntax `# Spawn Version:N`. */
  value?: string;
}

/** Lines that are, or look like, the spawn version line. */
export function spawnLines(text: string): SpawnLine[] {
  const out: SpawnLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/\r$/, '');
    if (!/^\s*#\s*spawn\s*version/i.test(t)) return;
    const exact = /^# Spawn Version:(\S+)$/.exec(t);
    out.push({ line: i + 1, text: t, value: exact?.[1] });
  });
  return out;
}

/** spawn.sh without its version line, to tell a body change from a version bump. */
export function spawnBody(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#\s*spawn\s*version/i.test(l))
    .join('\n');
}
