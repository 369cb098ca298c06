// Whether a path stays inside a folder: the one test behind every boundary porgs-lint keeps (a
// repo's files, the folders a config may name, where a report may be written).
import path from 'node:path';

/** `p` is `root` or lies inside it (both absolute; real paths wherever a link could steer). */
export function isWithin(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
